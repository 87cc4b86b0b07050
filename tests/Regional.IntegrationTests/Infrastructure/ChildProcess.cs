using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Regional.Testing;

namespace Regional.IntegrationTests.Infrastructure;

/// <summary>
/// A process a test starts (the region, or run-region.sh), with its output captured line by line.
/// Everything it leaves behind is found by <see cref="Marker"/>, a path unique to the test that
/// appears in the command line or environment of every process it starts, so a test only ever
/// signals or kills processes of its own.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ChildProcess(Process process, string marker)
    {
        _process = process;
        Marker = marker;
    }

    public string Marker { get; }

    /// <summary>The pid to signal: the region's own when started in the background, else the started process's.</summary>
    public int SignalledPid { get; private set; }

    public Process Process => _process;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string RegionDll { get; } = Path.Combine(
        RepositoryRoot, "deploy", "Regional.LocalRegion", "bin", "Release", "net10.0", "Regional.LocalRegion.dll");

    /// <summary>
    /// Starts <c>dotnet Regional.LocalRegion.dll</c> as a background job of a non-interactive shell
    /// (<c>&amp;</c>), the way run-region.sh and a user's own script start it: SIGINT and SIGQUIT
    /// arrive ignored, so a SIGINT that stops it proves the region undoes that.
    /// </summary>
    public static async Task<ChildProcess> StartRegionInBackgroundAsync(string marker, params string[] regionArguments)
    {
        if (!File.Exists(RegionDll))
        {
            throw new InvalidOperationException($"{RegionDll} is missing: build deploy/Regional.LocalRegion -c Release first.");
        }

        return await StartInBackgroundAsync(["dotnet", RegionDll, .. regionArguments], null, marker);
    }

    /// <summary>
    /// Starts <paramref name="command"/> as a background job of a non-interactive shell (<c>&amp;</c>),
    /// which hands it SIGINT and SIGQUIT ignored; signals go to the command itself, not the shell.
    /// </summary>
    public static async Task<ChildProcess> StartInBackgroundAsync(IReadOnlyList<string> command, IDictionary<string, string>? environment, string marker)
    {
        var child = Start("/bin/sh", ["-c", "\"$@\" & echo \"pid=$!\"; wait $!", "sh", .. command], environment, marker);
        var pidLine = await child.WaitForLineAsync(l => l.StartsWith("pid=", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        child.SignalledPid = int.Parse(pidLine["pid=".Length..]);
        return child;
    }

    public static ChildProcess Start(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment, string marker)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process, marker);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child.SignalledPid = process.Id;
        return child;
    }

    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited && _lines.FirstOrDefault(match) is null)
            {
                throw new InvalidOperationException($"The process exited ({_process.ExitCode}) first. Output:\n{Tail()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No such line within {timeout.TotalSeconds:0} s. Output:\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The loopback ports the region's banner names (gateway, identity, every service).</summary>
    public IReadOnlyList<int> BannerPorts() =>
        [.. Lines.SelectMany(l => LoopbackPort().Matches(l)).Select(m => int.Parse(m.Groups[1].Value)).Distinct()];

    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, SignalledPid.ToString()])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the started process to exit; false if it has not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Live processes (pid and command line) whose command line or environment holds <see cref="Marker"/>.</summary>
    public IReadOnlyList<(int Pid, string CommandLine)> Leftovers()
    {
        var found = new List<(int, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.Length == 0)
                {
                    continue; // a zombie, or a kernel thread
                }

                if (commandLine.Contains(Marker, StringComparison.Ordinal)
                    || File.ReadAllText(Path.Combine(directory, "environ")).Contains(Marker, StringComparison.Ordinal))
                {
                    found.Add((pid, commandLine));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours to read (so not ours).
            }
        }

        return found;
    }

    /// <summary>
    /// Of <paramref name="ports"/>, those that a process carrying <see cref="Marker"/> still listens
    /// on after a few seconds' grace. A port that another process took after
    /// ours let it go (free loopback ports are shared by everything on the machine) is not ours.
    /// </summary>
    public async Task<IReadOnlyList<string>> PortsStillOpenAsync(IEnumerable<int> ports)
    {
        var open = ports.Where(FreePort.IsListening).ToList();
        for (var i = 0; i < 50 && open.Count > 0; i++)
        {
            await Task.Delay(100);
            open = [.. open.Where(FreePort.IsListening)];
        }

        var ours = new List<string>();
        foreach (var port in open)
        {
            var owners = ListenerPids(port);
            var leftovers = Leftovers().Select(p => p.Pid).ToHashSet();
            if (owners.Any(leftovers.Contains))
            {
                ours.Add($"{port} (pids: {string.Join(", ", owners)})");
            }
        }

        return ours;
    }

    /// <summary>Pids holding a listening TCP socket on 127.0.0.1/[::1]:<paramref name="port"/> (from /proc/net/tcp{,6}).</summary>
    private static List<int> ListenerPids(int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && fields[1].EndsWith($":{port:X4}", StringComparison.Ordinal))
                {
                    inodes.Add($"socket:[{fields[9]}]");
                }
            }
        }

        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd"))
                    .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    pids.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's (so not ours).
            }
        }

        return pids;
    }

    public string Tail(int lines = 60) => string.Join('\n', _lines.TakeLast(lines));

    /// <summary>Kills whatever the test left running (after a failure), only processes carrying its marker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        foreach (var (pid, _) in Leftovers())
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone meanwhile.
            }
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Regional.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Regional.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:(\d+)")]
    private static partial Regex LoopbackPort();
}
