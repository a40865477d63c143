// The address a trainer's QR code carries (issue 27): `#signer/<session>/<slot>/<part>/<code>`, read by the shell so
// that a participant's phone opens the signing page whatever their role's pages.
export interface SigningLink {
  sessionId: string;
  slotIndex: number;
  part: 'whole' | 'morning' | 'afternoon';
  code: string;
}

/** The signing link of an address's fragment, if it is one. */
export function signingLinkOf(hash: string): SigningLink | undefined {
  const match = /^#signer\/([0-9a-f-]{36})\/(\d{1,3})\/(whole|morning|afternoon)\/([A-Za-z0-9]{4,16})$/.exec(hash);
  return match
    ? { sessionId: match[1], slotIndex: Number(match[2]), part: match[3] as SigningLink['part'], code: match[4] }
    : undefined;
}
