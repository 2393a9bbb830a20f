/*
 * bcryptprimitives.dll for Wine 8 (Debian 12), which lacks it: Go 1.22 and
 * later load it at start on Windows for ProcessPrng, and stop with "fatal
 * error: bcryptprimitives.dll not found" without it. Windows 10 and later
 * ship the real one, so this shim is for scripts/wine-check.sh only and is
 * never packaged. ProcessPrng fills data with random bytes from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine 8 has.
 */
#include <windows.h>
#define SystemFunction036 NTAPI SystemFunction036
#include <ntsecapi.h>
#undef SystemFunction036

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!RtlGenRandom(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
