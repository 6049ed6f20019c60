/**
 * A label job that should simply run again later (a purchase outcome not known yet, a lock held
 * by a live purchase, the carrier rate-limiting). pg-boss retries it with backoff; nothing about
 * it is permanent.
 */
export class RetryLabelLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryLabelLater';
  }
}
