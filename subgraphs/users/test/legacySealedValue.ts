/**
 * A TOTP secret as the users subgraph sealed it before sealed values were bound to their row:
 * format 1, `sealed:v1:`, with the column alone as additional authenticated data. Written by
 * that release's `DataSealer`, so the tests read a value that databases already hold, not one
 * the current code re-creates.
 */
export const LEGACY_DATA_KEY = 'legacy test data key, sealed:v1 era, 0123456789';
export const LEGACY_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const LEGACY_SEALED_TOTP_SECRET =
  'sealed:v1:3e697c9c:VcSkNu8Zfdm14i0G:BYsPCuRaquS6R9HTqhjavy4wCqAkZQOnkpySHzE2Fl46AU8WZpyMmxUE98a8aSgB';
