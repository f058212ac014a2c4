/** A one-shot, short-lived ticket authenticating a WebSocket connection (or any request with `?ticket=`). */
export interface AuthTicket {
  value: string;
  username: string;
  clientAddress: string;
  generatedOn: Date;
  validUntil: Date;
}
