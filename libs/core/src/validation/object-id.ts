const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** API ids are the 24-character hexadecimal form of a BSON ObjectId. */
export function isObjectIdHex(value: string): boolean {
  return OBJECT_ID.test(value);
}
