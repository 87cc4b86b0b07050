using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Regional.Testing;

/// <summary>
/// Makes sure the servers the fixtures start do not outlive the test process.
/// Each server's temporary folder holds a <c>cleanup.sh</c> that stops it. That script runs
/// (1) from <see cref="IAsyncDisposable.DisposeAsync"/> when something goes wrong there,
/// (2) from an <see cref="AppDomain.ProcessExit"/> hook when the process ends without disposing, and from
/// SIGTERM, SIGINT (Ctrl+C), SIGQUIT and SIGHUP handlers, and (3) from a detached watchdog shell when the
/// process is killed outright (SIGKILL, a runner's hang timeout), which then also deletes the folder.
/// </summary>
internal static class ProcessCleanup
{
    public const string ScriptName = "cleanup.sh";

    private static readonly Lock Gate = new();
    private static readonly HashSet<string> LiveDirectories = new(StringComparer.Ordinal);
    private static readonly List<PosixSignalRegistration> SignalRegistrations = [];
    private static bool hooked;

    // The watchdog polls once a second; it ends by itself when the folder is deleted.
    private const string WatchdogScript = """
        owner=$1; dir=$2
        while kill -0 "$owner" 2>/dev/null && [ -d "$dir" ]; do sleep 1; done
        if [ -f "$dir/cleanup.sh" ]; then sh "$dir/cleanup.sh"; fi
        if [ -d "$dir" ]; then rm -rf "$dir"; fi
        """;

    /// <summary>Writes the folder's cleanup script, registers it for process exit and starts a watchdog.</summary>
    public static void Register(string directory, string cleanupScript)
    {
        File.WriteAllText(Path.Combine(directory, ScriptName), cleanupScript);
        lock (Gate)
        {
            if (!hooked)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => CleanUpAll();

                // Since .NET 10 the runtime no longer turns SIGTERM into ProcessExit (nor does it for
                // SIGINT): stop the servers from the signal, then let the signal end the process as usual.
                if (!OperatingSystem.IsWindows())
                {
                    foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
                    {
                        SignalRegistrations.Add(PosixSignalRegistration.Create(signal, _ => CleanUpAll()));
                    }
                }

                hooked = true;
            }

            LiveDirectories.Add(directory);
        }

        StartWatchdog(directory);
    }

    /// <summary>Forgets a folder whose server was stopped normally.</summary>
    public static void Unregister(string directory)
    {
        lock (Gate)
        {
            LiveDirectories.Remove(directory);
        }
    }

    /// <summary>Runs a folder's cleanup script synchronously (best effort) and deletes the folder.</summary>
    public static void RunCleanup(string directory)
    {
        var script = Path.Combine(directory, ScriptName);
        if (File.Exists(script))
        {
            try
            {
                using var process = Process.Start(ProcessRunner.StartInfo("/bin/sh", [script], null));
                process?.WaitForExit(TimeSpan.FromSeconds(20));
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Best effort: the watchdog tries again.
            }
        }

        DeleteDirectory(directory);
    }

    public static void DeleteDirectory(string directory)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void CleanUpAll()
    {
        string[] directories;
        lock (Gate)
        {
            directories = [.. LiveDirectories];
            LiveDirectories.Clear();
        }

        Parallel.ForEach(directories, RunCleanup);
    }

    private static void StartWatchdog(string directory)
    {
        // The outer shell starts the watchdog in a session of its own and exits at once, so the
        // watchdog is neither a child of this process (a process-tree kill misses it) nor in its
        // process group (a terminal's signals miss it).
        var info = ProcessRunner.StartInfo(
            "/bin/sh",
            ["-c", "setsid /bin/sh -c \"$0\" watchdog \"$1\" \"$2\" </dev/null >/dev/null 2>&1 &",
             WatchdogScript, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), directory],
            null);
        using var launcher = Process.Start(info);
        launcher?.WaitForExit(TimeSpan.FromSeconds(10));
    }
}
