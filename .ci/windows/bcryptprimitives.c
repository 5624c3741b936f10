/* TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for running vbhc.exe under Wine
 * before 8.13 (Debian 12 ships 8.0, which lacks the DLL). Rust's std (1.78 and later) takes
 * its random seeds from ProcessPrng in that DLL; real Windows 10/11 has it. This shim is
 * built into the Wine prefix by .ci/windows/wine-setup and is NEVER shipped: the release
 * script (.ci/windows-release) does not build it and refuses a package that contains it.
 *
 * RtlGenRandom (advapi32's SystemFunction036) gives the same kind of bytes. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
