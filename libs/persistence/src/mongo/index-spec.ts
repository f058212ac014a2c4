export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  options?: {
    name?: string;
    unique?: boolean;
    sparse?: boolean;
    partialFilterExpression?: Record<string, unknown>;
    expireAfterSeconds?: number;
  };
  /** A failure to create this index is logged and ignored (e.g. a legacy index with other options). */
  optional?: boolean;
}

/** Indexes of one collection, created at start-up. */
export interface CollectionIndexes {
  collection: string;
  indexes: IndexSpec[];
}
