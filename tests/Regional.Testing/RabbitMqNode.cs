using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Regional.Testing;

/// <summary>
/// A RabbitMQ broker for tests: a private node started from the installed rabbitmq-server
/// package (everything in a temporary folder, loopback only, free ports), or, when the
/// <c>REGIONAL_TEST_RABBITMQ</c> environment variable holds an amqp URI, that running broker.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    /// <summary>Names an already running broker to use instead of starting one, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public const string EnvironmentVariable = "REGIONAL_TEST_RABBITMQ";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static int counter;

    private readonly string? sbin;
    private readonly string? directory;
    private readonly int epmdPort;
    private readonly int distributionPort;
    private readonly IReadOnlyDictionary<string, string?> environment = new Dictionary<string, string?>();
    private readonly SemaphoreSlim gate = new(1, 1);
    private Process? process;
    private bool disposed;

    private RabbitMqNode(Uri uri)
    {
        Host = uri.Host;
        AmqpPort = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port;
        var userInfo = uri.UserInfo.Split(':', 2);
        Username = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest";
        Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest";
        var path = uri.AbsolutePath.TrimStart('/');
        VirtualHost = path.Length > 0 ? Uri.UnescapeDataString(path) : "/";
        AmqpUri = uri;
        CanControl = false;
    }

    private RabbitMqNode(string sbin, string directory, int amqpPort, int distributionPort, int epmdPort, string nodeName)
    {
        this.sbin = sbin;
        this.directory = directory;
        this.distributionPort = distributionPort;
        this.epmdPort = epmdPort;
        Host = "127.0.0.1";
        AmqpPort = amqpPort;
        Username = "guest";
        Password = "guest";
        VirtualHost = "/";
        AmqpUri = new Uri($"amqp://guest:guest@127.0.0.1:{amqpPort.ToString(CultureInfo.InvariantCulture)}/");
        CanControl = true;
        NodeName = nodeName;
        environment = NodeEnvironment();
    }

    /// <summary>The broker's host: 127.0.0.1 for a private node.</summary>
    public string Host { get; }

    /// <summary>The AMQP port.</summary>
    public int AmqpPort { get; }

    /// <summary>The user name (guest for a private node).</summary>
    public string Username { get; }

    /// <summary>The password (guest for a private node).</summary>
    public string Password { get; }

    /// <summary>The virtual host: "/".</summary>
    public string VirtualHost { get; }

    /// <summary>The amqp URI with credentials, e.g. <c>amqp://guest:guest@127.0.0.1:41234/</c>.</summary>
    public Uri AmqpUri { get; }

    /// <summary>
    /// True for a private node, which this object can stop, start and inspect; false for a broker
    /// named by <see cref="EnvironmentVariable"/>.
    /// </summary>
    public bool CanControl { get; }

    /// <summary>The Erlang node name of a private node (e.g. <c>regional-test-1234-1@localhost</c>); null otherwise.</summary>
    public string? NodeName { get; }

    /// <summary>The folder holding a private node's data and logs (deleted on dispose); null otherwise.</summary>
    public string? DataDirectory => directory;

    /// <summary>True between <see cref="StopBrokerAsync"/> and <see cref="StartBrokerAsync"/>.</summary>
    public bool IsBrokerStopped { get; private set; }

    /// <summary>
    /// Starts a private node, or returns the broker named by <see cref="EnvironmentVariable"/>.
    /// A private node is ready to accept AMQP connections when this returns (about 4-5 s).
    /// </summary>
    public static async Task<RabbitMqNode> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            if (!Uri.TryCreate(external.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            {
                throw new InvalidOperationException(
                    $"{EnvironmentVariable} must be an amqp URI such as amqp://guest:guest@127.0.0.1:5672/, not '{external}'.");
            }

            return new RabbitMqNode(uri);
        }

        var sbin = FindSbin() ?? throw new InvalidOperationException(
            "RabbitMQ is not installed (no rabbitmq-server under /usr/lib/rabbitmq): run deploy/scripts/ensure-rabbitmq.sh, " +
            $"or set {EnvironmentVariable} to the amqp URI of a running broker.");

        for (var attempt = 1; ; attempt++)
        {
            var number = Interlocked.Increment(ref counter);
            var name = $"regional-test-{Environment.ProcessId}-{number}";
            var directory = Path.Combine(Path.GetTempPath(), $"{name}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
            var node = new RabbitMqNode(sbin, directory, FreePort.Next(), FreePort.Next(), FreePort.Next(), $"{name}@localhost");
            try
            {
                await node.LaunchAsync(cancellationToken).ConfigureAwait(false);
                return node;
            }
            catch (NodeStartException e) when (e.PortConflict && attempt < 3)
            {
                // Another process took one of the ports meanwhile: try again with new ones.
                await node.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await node.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Simulates an outage: stops the broker application (the Erlang node and its data stay), which
    /// closes every client connection and the AMQP listener. Durable queues and persistent messages
    /// survive. Returns once the AMQP port refuses connections.
    /// </summary>
    public async Task StopBrokerAsync(CancellationToken cancellationToken = default)
    {
        EnsureControllable(nameof(StopBrokerAsync));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CtlCheckedAsync(["stop_app"], cancellationToken).ConfigureAwait(false);
            IsBrokerStopped = true;
            await WaitUntilAsync(() => !FreePort.IsListening(AmqpPort), TimeSpan.FromSeconds(30),
                "the AMQP port to close after stop_app", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Recovers from <see cref="StopBrokerAsync"/>: starts the broker application and waits until it accepts connections.</summary>
    public async Task StartBrokerAsync(CancellationToken cancellationToken = default)
    {
        EnsureControllable(nameof(StartBrokerAsync));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CtlCheckedAsync(["start_app"], cancellationToken).ConfigureAwait(false);
            await AwaitStartupAsync(cancellationToken).ConfigureAwait(false);
            IsBrokerStopped = false;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The queues of the virtual host <see cref="VirtualHost"/>, each with its count of messages: ready, or
    /// delivered but not yet acknowledged (rabbitmqctl's <c>messages</c>; with no consumer, the ready count).
    /// </summary>
    public Task<IReadOnlyDictionary<string, long>> ListQueuesAsync(CancellationToken cancellationToken = default) =>
        ListQueuesAsync(VirtualHost, cancellationToken);

    /// <summary>
    /// The queues of <paramref name="virtualHost"/>, each with its count of messages: ready, or delivered but
    /// not yet acknowledged (rabbitmqctl's <c>messages</c>; with no consumer, the ready count).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> ListQueuesAsync(string virtualHost, CancellationToken cancellationToken = default) =>
        (await ListQueueDetailsAsync(virtualHost, cancellationToken).ConfigureAwait(false))
            .ToDictionary(q => q.Name, q => q.Messages, StringComparer.Ordinal);

    /// <summary>The queues of <paramref name="virtualHost"/> (default <see cref="VirtualHost"/>) with their message and consumer counts.</summary>
    public async Task<IReadOnlyList<QueueInfo>> ListQueueDetailsAsync(string? virtualHost = null, CancellationToken cancellationToken = default)
    {
        EnsureControllable(nameof(ListQueuesAsync));
        virtualHost ??= VirtualHost;
        ArgumentException.ThrowIfNullOrEmpty(virtualHost);
        var output = await CtlCheckedAsync(
            ["list_queues", "-p", virtualHost, "name", "messages", "messages_ready", "messages_unacknowledged", "consumers", "type", "--formatter", "json"],
            cancellationToken).ConfigureAwait(false);
        var start = output.IndexOf('[', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"Unexpected output of rabbitmqctl list_queues:\n{output}");
        }

        using var json = JsonDocument.Parse(output[start..]);
        return json.RootElement.EnumerateArray()
            .Select(queue => new QueueInfo(
                queue.GetProperty("name").GetString() ?? "",
                Count(queue, "messages"),
                Count(queue, "messages_ready"),
                Count(queue, "messages_unacknowledged"),
                Count(queue, "consumers"),
                queue.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString()! : "classic"))
            .ToList();

        // A queue that is not running (e.g. just recovering) has no counts yet.
        static long Count(JsonElement queue, string property) =>
            queue.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
    }

    /// <summary>
    /// Creates a virtual host (if missing) with full permissions for <see cref="Username"/>, so that a test
    /// can have queues and exchanges of its own on a shared node, and returns its amqp URI, e.g.
    /// <c>amqp://guest:guest@127.0.0.1:41234/region-1</c>.
    /// </summary>
    public async Task<Uri> CreateVirtualHostAsync(string name, CancellationToken cancellationToken = default)
    {
        EnsureControllable(nameof(CreateVirtualHostAsync));
        ArgumentException.ThrowIfNullOrEmpty(name);
        await CtlCheckedAsync(["add_vhost", name], cancellationToken).ConfigureAwait(false);
        await CtlCheckedAsync(["set_permissions", "-p", name, Username, ".*", ".*", ".*"], cancellationToken).ConfigureAwait(false);
        return VirtualHostUri(name);
    }

    /// <summary>Deletes one queue of <paramref name="virtualHost"/> with its bindings and messages (as an operator, or a lost node, might).</summary>
    public async Task DeleteQueueAsync(string virtualHost, string queue, CancellationToken cancellationToken = default)
    {
        EnsureControllable(nameof(DeleteQueueAsync));
        await CtlCheckedAsync(["delete_queue", "-p", virtualHost, queue], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a virtual host and everything in it (nothing happens if it does not exist).</summary>
    public async Task DeleteVirtualHostAsync(string name, CancellationToken cancellationToken = default)
    {
        EnsureControllable(nameof(DeleteVirtualHostAsync));
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name == "/")
        {
            throw new ArgumentException("The default virtual host cannot be deleted.", nameof(name));
        }

        var result = await CtlAsync(["delete_vhost", name], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && !result.Output.Contains("not exist", StringComparison.OrdinalIgnoreCase)
            && !result.Output.Contains("not_found", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"rabbitmqctl delete_vhost {name} failed:\n{result.Output}");
        }
    }

    /// <summary>The amqp URI of <paramref name="virtualHost"/> on this broker, with credentials.</summary>
    public Uri VirtualHostUri(string virtualHost)
    {
        ArgumentException.ThrowIfNullOrEmpty(virtualHost);
        return new UriBuilder(AmqpUri) { Path = virtualHost == "/" ? "/" : "/" + Uri.EscapeDataString(virtualHost) }.Uri;
    }

    /// <summary>Stops a private node and its epmd and deletes its folder; does nothing to an external broker.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed || !CanControl || directory is null)
        {
            disposed = true;
            return;
        }

        disposed = true;
        try
        {
            await StopNodeAsync().ConfigureAwait(false);
        }
        finally
        {
            ProcessCleanup.Unregister(directory);
            ProcessCleanup.DeleteDirectory(directory);
            process?.Dispose();
            gate.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        CanControl ? $"RabbitMQ node {NodeName} on {AmqpUri}" : $"RabbitMQ broker {Host}:{AmqpPort} (from {EnvironmentVariable})";

    private string InDirectory(string name) => Path.Combine(directory!, name);

    private string PidFile => InDirectory("rabbitmq.pid");

    private string ConsoleLog => InDirectory("log/console.log");

    private Dictionary<string, string?> NodeEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);

        // Nothing of the caller's RabbitMQ or Erlang settings may leak into the private node.
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (key.StartsWith("RABBITMQ_", StringComparison.Ordinal) || key.StartsWith("ERL_", StringComparison.Ordinal))
            {
                env[key] = null;
            }
        }

        var loopbackOnly = "-kernel inet_dist_use_interface {127,0,0,1}";
        env["HOME"] = InDirectory("home");
        env["RABBITMQ_NODENAME"] = NodeName;
        env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(CultureInfo.InvariantCulture);
        env["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture);
        env["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
        env["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        env["RABBITMQ_MNESIA_BASE"] = InDirectory("mnesia");
        env["RABBITMQ_LOG_BASE"] = InDirectory("log");
        env["RABBITMQ_PID_FILE"] = PidFile;
        env["RABBITMQ_CONF_ENV_FILE"] = InDirectory("rabbitmq-env.conf");
        env["RABBITMQ_CONFIG_FILE"] = InDirectory("rabbitmq.conf");
        env["RABBITMQ_ADVANCED_CONFIG_FILE"] = InDirectory("advanced.config");
        env["RABBITMQ_ENABLED_PLUGINS_FILE"] = InDirectory("enabled_plugins");
        env["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = loopbackOnly;
        env["ERL_CRASH_DUMP"] = InDirectory("log/erl_crash.dump"); // not the test's working directory

        // The CLI tools: any free port for their own distribution listener (the default is a range
        // of 11 that concurrent test processes would share), and never start an epmd themselves.
        env["RABBITMQ_CTL_ERL_ARGS"] = "-start_epmd false " + loopbackOnly;
        env["RABBITMQ_CTL_DIST_PORT_MIN"] = "0";
        env["RABBITMQ_CTL_DIST_PORT_MAX"] = "0";
        return env;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(InDirectory("home"));
        Directory.CreateDirectory(InDirectory("mnesia"));
        Directory.CreateDirectory(InDirectory("log"));
        var cookie = InDirectory("home/.erlang.cookie");
        await File.WriteAllTextAsync(cookie, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 20), cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }

        await File.WriteAllTextAsync(InDirectory("enabled_plugins"), "[].\n", cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(InDirectory("rabbitmq-env.conf"), "", cancellationToken).ConfigureAwait(false);

        var info = ProcessRunner.StartInfo(
            "/bin/sh",
            ["-c", "exec \"$0\" >\"$1\" 2>&1 </dev/null", Path.Combine(sbin!, "rabbitmq-server"), ConsoleLog],
            environment);
        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start rabbitmq-server.");

        // The shell execs rabbitmq-server, which execs erl, which execs the VM: the same pid throughout.
        ProcessCleanup.Register(directory!, CleanupScript(process.Id));

        var stopwatch = Stopwatch.StartNew();
        var shortName = NodeName!.Split('@')[0];
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw StartFailure($"rabbitmq-server exited with code {process.ExitCode}");
            }

            if (stopwatch.Elapsed > StartTimeout)
            {
                throw StartFailure($"the node did not register with epmd within {StartTimeout.TotalSeconds:0} s");
            }

            // await_startup fails at once while the node is not yet registered with epmd.
            if ((await Epmd.NamesAsync(epmdPort, cancellationToken).ConfigureAwait(false)).Contains(shortName))
            {
                break;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await AwaitStartupAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            throw StartFailure(e.Message);
        }
    }

    private async Task AwaitStartupAsync(CancellationToken cancellationToken)
    {
        var seconds = ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await CtlCheckedAsync(["await_startup", "--timeout", seconds], cancellationToken).ConfigureAwait(false);
        await WaitUntilAsync(() => FreePort.IsListening(AmqpPort), TimeSpan.FromSeconds(30),
            "the AMQP port to accept connections", cancellationToken).ConfigureAwait(false);
    }

    private NodeStartException StartFailure(string reason)
    {
        var log = ProcessRunner.Tail(ConsoleLog);
        var all = ProcessRunner.Tail(ConsoleLog, int.MaxValue);
        var portConflict = new[] { "eaddrinuse", "dist_port_already_used", "register/listen error" }
            .Any(sign => all.Contains(sign, StringComparison.OrdinalIgnoreCase));
        return new NodeStartException(
            $"RabbitMQ node {NodeName} (AMQP port {AmqpPort}, dist port {distributionPort}, epmd port {epmdPort}) " +
            $"did not start: {reason}.\nLast lines of its output ({ConsoleLog}):\n{log}",
            portConflict);
    }

    private string CleanupScript(int pid)
    {
        var epmd = epmdPort.ToString(CultureInfo.InvariantCulture);
        return $$"""
            # Stops this node without the CLI tools (see ProcessCleanup). Generated by Regional.Testing.
            pid={{pid.ToString(CultureInfo.InvariantCulture)}}
            ours() { grep -qzxF 'RABBITMQ_MNESIA_BASE={{InDirectory("mnesia")}}' /proc/$pid/environ 2>/dev/null; }
            if ours; then
              kill -TERM $pid 2>/dev/null
              i=0
              while [ $i -lt 100 ] && ours; do sleep 0.1; i=$((i + 1)); done
              if ours; then kill -KILL $pid 2>/dev/null; fi
            fi
            i=0
            while [ $i -lt 50 ] && epmd -port {{epmd}} -names >/dev/null 2>&1; do
              epmd -port {{epmd}} -kill >/dev/null 2>&1
              sleep 0.2
              i=$((i + 1))
            done
            exit 0
            """;
    }

    private async Task StopNodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (process is { HasExited: false })
        {
            if (File.Exists(PidFile))
            {
                try
                {
                    // Returns once the VM whose pid the file holds has exited.
                    await CtlAsync(["stop", PidFile], timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException)
                {
                    // The cleanup script below signals the VM directly.
                }
            }

            if (!process.HasExited)
            {
                // Never fully started, or the CLI failed: the cleanup script signals the VM directly
                // (and deletes the folder).
                ProcessCleanup.RunCleanup(directory!);
            }

            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        // epmd refuses to exit while it still lists the node, which it may for a moment after the VM has gone.
        var stopwatch = Stopwatch.StartNew();
        while (FreePort.IsListening(epmdPort) && stopwatch.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Epmd.KillAsync(epmdPort, timeout.Token).ConfigureAwait(false);
            await Task.Delay(100, timeout.Token).ConfigureAwait(false);
        }

        // A stray epmd on a random port would be harmless; the watchdog has another go at it.
    }

    private Task<ProcessResult> CtlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(
            Path.Combine(sbin!, "rabbitmqctl"), ["-n", NodeName!, "-q", .. arguments], CommandTimeout, environment, cancellationToken);

    private Task<string> CtlCheckedAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunCheckedAsync(
            Path.Combine(sbin!, "rabbitmqctl"), ["-n", NodeName!, "-q", .. arguments], CommandTimeout, environment, cancellationToken);

    private void EnsureControllable(string operation)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!CanControl)
        {
            throw new InvalidOperationException(
                $"{operation} needs a private RabbitMQ node, but this broker was given by {EnvironmentVariable} " +
                $"({Host}:{AmqpPort}) and cannot be controlled. Unset {EnvironmentVariable} to run this test.");
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? FindSbin()
    {
        if (File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
        {
            return "/usr/lib/rabbitmq/bin";
        }

        var lib = "/usr/lib/rabbitmq/lib";
        return Directory.Exists(lib)
            ? Directory.GetDirectories(lib, "rabbitmq_server-*")
                .Select(d => Path.Combine(d, "sbin"))
                .Where(d => File.Exists(Path.Combine(d, "rabbitmq-server")))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d))!["rabbitmq_server-".Length..], out var v) ? v : new Version())
                .FirstOrDefault()
            : null;
    }

    private sealed class NodeStartException(string message, bool portConflict) : Exception(message)
    {
        public bool PortConflict { get; } = portConflict;
    }
}
