using System.Globalization;
using System.Runtime.InteropServices;

namespace Regional.LocalRegion;

/// <summary>
/// Calls <paramref name="stop"/> on the first SIGINT, SIGTERM, SIGQUIT or SIGHUP, cancelling the
/// default termination so that the region can stop its apps and exit in order.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private const int SigInt = 2;
    private const int SigQuit = 3;

    private readonly List<PosixSignalRegistration> _registrations;
    private int _signalled;

    public StopSignals(Action<PosixSignal> stop)
    {
        HonourInheritedIgnoredSignals();
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                if (Interlocked.Exchange(ref _signalled, 1) == 0)
                {
                    stop(context.Signal);
                }
            }))];
    }

    public void Dispose() => _registrations.ForEach(r => r.Dispose());

    /// <summary>
    /// A shell without job control starts a background command (<c>&amp;</c>) with SIGINT and
    /// SIGQUIT ignored, and the runtime then installs no handler for them, registered or not: a
    /// SIGINT to the region would do nothing. Restoring the default disposition before registering
    /// lets the runtime take them. Linux only (it reads /proc); elsewhere the inherited one stays.
    /// </summary>
    private static void HonourInheritedIgnoredSignals()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (line is null || !ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var ignored))
        {
            return;
        }

        foreach (var signal in new[] { SigInt, SigQuit })
        {
            if ((ignored & (1UL << (signal - 1))) != 0)
            {
                _ = Native.signal(signal, 0); // SIG_DFL
            }
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // one call at start-up: not worth the unsafe blocks a source-generated import needs
        public static extern nint signal(int signum, nint handler);
#pragma warning restore SYSLIB1054
    }
}
