// The deterministic seed catalog: what every simulated shop sells on day one (see README.md).

export interface CatalogSku {
  sellerSku: string;
  name: string;
  price: number;
  originalPrice: number;
  quantity: number;
}

export interface CatalogProduct {
  title: string;
  skus: CatalogSku[];
}

export const SEED_CATALOG: CatalogProduct[] = [
  {
    title: 'Glow Serum 30ml - Vitamin C + Hyaluronic Acid',
    skus: [
      { sellerSku: 'GLOW-30ML', name: 'Single 30ml', price: 24.99, originalPrice: 29.99, quantity: 240 },
      {
        sellerSku: 'GLOW-30ML-2PK',
        name: 'Twin Pack 2x30ml',
        price: 44.99,
        originalPrice: 54.99,
        quantity: 80,
      },
    ],
  },
  {
    title: 'Hydra Lip Oil 4ml',
    skus: [
      { sellerSku: 'HLO-ROSE', name: 'Rose', price: 12.99, originalPrice: 12.99, quantity: 150 },
      { sellerSku: 'HLO-PEACH', name: 'Peach', price: 12.99, originalPrice: 12.99, quantity: 120 },
      { sellerSku: 'HLO-CLEAR', name: 'Clear', price: 12.99, originalPrice: 12.99, quantity: 90 },
    ],
  },
  {
    title: 'Mulberry Silk Sleep Mask',
    skus: [{ sellerSku: 'SSM-BLK', name: 'Black', price: 19.99, originalPrice: 24.99, quantity: 60 }],
  },
  {
    title: 'Bamboo Makeup Brush Set (12 pcs)',
    skus: [
      { sellerSku: 'BMB-SET12', name: '12-piece set', price: 29.99, originalPrice: 34.99, quantity: 45 },
    ],
  },
  {
    title: 'Vitamin C Brightening Sheet Mask',
    skus: [
      { sellerSku: 'VCM-10PK', name: '10-Pack', price: 15.99, originalPrice: 15.99, quantity: 200 },
      { sellerSku: 'VCM-20PK', name: '20-Pack', price: 27.99, originalPrice: 29.99, quantity: 70 },
    ],
  },
  {
    title: 'Rose Quartz Facial Roller',
    skus: [
      { sellerSku: 'RQR-ROSE', name: 'Rose Quartz', price: 18.99, originalPrice: 22.99, quantity: 35 },
      { sellerSku: 'RQR-JADE', name: 'Green Jade', price: 18.99, originalPrice: 22.99, quantity: 25 },
    ],
  },
];

/** Carriers a US seller can pick; ids resemble TikTok's (spec §7.1 sample: USPS 7117858858072016686). */
export const SHIPPING_PROVIDERS: ReadonlyArray<readonly [id: string, name: string]> = [
  ['7117858858072016686', 'USPS'],
  ['7117859084333745966', 'UPS'],
  ['7117858990733313838', 'FedEx'],
  ['7212608507307099946', 'DHL eCommerce'],
];

export const GRANTED_SCOPES = [
  'seller.authorization.info',
  'seller.order.info',
  'seller.fulfillment.basic',
  'seller.logistics',
  'seller.product.basic',
  'seller.product.write',
];
