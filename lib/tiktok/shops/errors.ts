/** A shop-scoped call was asked for a shop whose authorization is gone (disconnected, expired) or unknown. */
export class ShopNotConnectedError extends Error {
  constructor(
    readonly shopRowId: string,
    readonly status: string,
  ) {
    super(`TikTok shop ${shopRowId} is not connected (status: ${status})`);
    this.name = 'ShopNotConnectedError';
  }
}

/** The seller's shop is already connected to a different CreatorFlow account. */
export class ShopOwnedElsewhereError extends Error {
  constructor(readonly shopName: string) {
    super(`${shopName} is already connected to another CreatorFlow account`);
    this.name = 'ShopOwnedElsewhereError';
  }
}
