/**
 * Token bucket per source key. The map is bounded: idle (refilled) buckets are swept, and when full
 * the oldest bucket is dropped — a dropped bucket restarts full, which errs towards serving.
 */
export interface RateLimiter {
  /** true = allowed. */
  take(key: string, now?: number): boolean;
  /** Forgets buckets that have refilled completely; they carry no information. */
  sweep(now?: number): void;
  readonly size: number;
}

export interface RateLimitOptions {
  /** Sustained requests per second; 0 disables limiting. */
  rate: number;
  /** Bucket capacity; default 2 × rate. */
  burst?: number;
  /** Most sources tracked at once. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  last: number;
}

export function createRateLimiter({ rate, burst = rate * 2, maxKeys = 10_000 }: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const capacity = Math.max(1, burst);
  const refill = (b: Bucket, now: number) => {
    b.tokens = Math.min(capacity, b.tokens + ((now - b.last) / 1000) * rate);
    b.last = now;
  };
  return {
    take(key, now = Date.now()) {
      if (rate <= 0) return true;
      let b = buckets.get(key);
      if (b) {
        refill(b, now);
      } else {
        if (buckets.size >= maxKeys) {
          const oldest = buckets.keys().next().value;
          if (oldest !== undefined) buckets.delete(oldest);
        }
        b = { tokens: capacity, last: now };
        buckets.set(key, b);
      }
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    sweep(now = Date.now()) {
      for (const [key, b] of buckets) {
        refill(b, now);
        if (b.tokens >= capacity) buckets.delete(key);
      }
    },
    get size() {
      return buckets.size;
    },
  };
}
