/** `org.apache.rocketmq.common.constant.PermName`: the permission bits of a topic on a broker. */
export const PermName = {
  PERM_PRIORITY: 0x1 << 3,
  PERM_READ: 0x1 << 2,
  PERM_WRITE: 0x1 << 1,
  PERM_INHERIT: 0x1,

  isReadable(perm: number): boolean {
    return (perm & PermName.PERM_READ) === PermName.PERM_READ;
  },

  /** The check route conversion applies: only writeable queue data yields publish queues. */
  isWriteable(perm: number): boolean {
    return (perm & PermName.PERM_WRITE) === PermName.PERM_WRITE;
  },

  isInherited(perm: number): boolean {
    return (perm & PermName.PERM_INHERIT) === PermName.PERM_INHERIT;
  },

  /** `perm2String`: `R`, `W`, `X` or `-` in that order, e.g. 6 is `RW-`. */
  perm2String(perm: number): string {
    return (
      (PermName.isReadable(perm) ? 'R' : '-') +
      (PermName.isWriteable(perm) ? 'W' : '-') +
      (PermName.isInherited(perm) ? 'X' : '-')
    );
  },
} as const;
