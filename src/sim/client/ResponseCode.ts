/**
 * Broker/name-server response codes the send path meets (`RemotingSysResponseCode` plus
 * 4.x `common.protocol.ResponseCode`, 5.x `remoting.protocol.ResponseCode`; same numbers in all tags,
 * GO_AWAY is 5.x only).
 */
export const ResponseCode = {
  SUCCESS: 0,
  SYSTEM_ERROR: 1,
  SYSTEM_BUSY: 2,
  REQUEST_CODE_NOT_SUPPORTED: 3,
  TRANSACTION_FAILED: 4,
  FLUSH_DISK_TIMEOUT: 10,
  SLAVE_NOT_AVAILABLE: 11,
  FLUSH_SLAVE_TIMEOUT: 12,
  MESSAGE_ILLEGAL: 13,
  SERVICE_NOT_AVAILABLE: 14,
  VERSION_NOT_SUPPORTED: 15,
  NO_PERMISSION: 16,
  TOPIC_NOT_EXIST: 17,
  TOPIC_EXIST_ALREADY: 18,
  SUBSCRIPTION_PARSE_FAILED: 23,
  SUBSCRIPTION_NOT_EXIST: 24,
  SUBSCRIPTION_NOT_LATEST: 25,
  NO_BUYER_ID: 204,
  NOT_IN_CURRENT_UNIT: 205,
  FLOW_CONTROL: 215,
  GO_AWAY: 1500,
} as const;

/** Request codes used by the producer (4.x `RequestCode`, 5.x `remoting.protocol.RequestCode`). */
export const RequestCode = {
  SEND_MESSAGE: 10,
  GET_ROUTEINFO_BY_TOPIC: 105,
  UNREGISTER_CLIENT: 35,
  SEND_MESSAGE_V2: 310,
  SEND_BATCH_MESSAGE: 320,
} as const;
