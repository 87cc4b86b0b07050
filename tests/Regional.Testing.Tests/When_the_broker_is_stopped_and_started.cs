using System.Diagnostics;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace Regional.Testing.Tests;

/// <summary>
/// The outage scenario runs once, on a node of its own: publish to a durable queue, stop the
/// broker while clients are connected, observe, start it again, observe.
/// </summary>
public sealed class BrokerOutage : IAsyncLifetime
{
    public const string Queue = "outage.durable";
    public static readonly string[] Bodies = ["first", "second", "third"];

    private RabbitMqNode? node;

    public bool RawConnectionDropped { get; private set; }
    public bool ClientConnectionShutDown { get; private set; }
    public bool PortRefusedWhileDown { get; private set; }
    public Exception? ListQueuesWhileDown { get; private set; }
    public bool StoppedFlagWhileDown { get; private set; }
    public IReadOnlyDictionary<string, long> QueuesAfterRestart { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyList<string> MessagesAfterRestart { get; private set; } = [];
    public bool HandshakeAfterRestart { get; private set; }
    public TimeSpan StopTook { get; private set; }
    public TimeSpan StartTook { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        node = await RabbitMqNode.StartAsync(ct);

        await using var client = await Amqp.ConnectAsync(node, ct);
        await Amqp.PublishDurablyAsync(client, Queue, Bodies, ct);
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionShutdownAsync += (_, _) =>
        {
            shutdown.TrySetResult();
            return Task.CompletedTask;
        };
        using var raw = await Amqp.HandshakeAsync(node.Host, node.AmqpPort, ct);

        var stopwatch = Stopwatch.StartNew();
        await node.StopBrokerAsync(ct);
        StopTook = stopwatch.Elapsed;

        StoppedFlagWhileDown = node.IsBrokerStopped;
        RawConnectionDropped = await Amqp.IsClosedWithinAsync(raw, TimeSpan.FromSeconds(10), ct);
        ClientConnectionShutDown = await Task.WhenAny(shutdown.Task, Task.Delay(TimeSpan.FromSeconds(10), ct)) == shutdown.Task;
        PortRefusedWhileDown = !await AcceptsAsync(node.AmqpPort, ct);
        try
        {
            await node.ListQueuesAsync(ct);
        }
        catch (InvalidOperationException e)
        {
            ListQueuesWhileDown = e;
        }

        stopwatch.Restart();
        await node.StartBrokerAsync(ct);
        StartTook = stopwatch.Elapsed;

        QueuesAfterRestart = await node.ListQueuesAsync(ct);
        using (await Amqp.HandshakeAsync(node.Host, node.AmqpPort, ct))
        {
            HandshakeAfterRestart = true;
        }

        await using var again = await Amqp.ConnectAsync(node, ct);
        MessagesAfterRestart = await Amqp.DrainAsync(again, Queue, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (node is not null)
        {
            await node.DisposeAsync();
        }
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync("127.0.0.1", port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

public sealed class When_the_broker_is_stopped_and_started(BrokerOutage outage, ITestOutputHelper output) : IClassFixture<BrokerOutage>
{
    [Fact]
    public void Open_connections_are_dropped()
    {
        Assert.True(outage.RawConnectionDropped, "the raw AMQP socket stayed open");
        Assert.True(outage.ClientConnectionShutDown, "RabbitMQ.Client saw no shutdown");
    }

    [Fact]
    public void The_AMQP_port_refuses_connections_while_it_is_down()
    {
        Assert.True(outage.StoppedFlagWhileDown);
        Assert.True(outage.PortRefusedWhileDown);
    }

    [Fact]
    public void ListQueues_fails_clearly_while_it_is_down()
    {
        var error = Assert.IsType<InvalidOperationException>(outage.ListQueuesWhileDown);
        Assert.Contains("list_queues", error.Message);
    }

    [Fact]
    public void Durable_queue_messages_survive()
    {
        Assert.Equal(BrokerOutage.Bodies.Length, Assert.Contains(BrokerOutage.Queue, outage.QueuesAfterRestart));
        Assert.Equal(BrokerOutage.Bodies, outage.MessagesAfterRestart);
    }

    [Fact]
    public void It_accepts_connections_again()
    {
        Assert.True(outage.HandshakeAfterRestart);
        output.WriteLine($"StopBrokerAsync took {outage.StopTook.TotalMilliseconds:0} ms, StartBrokerAsync {outage.StartTook.TotalMilliseconds:0} ms");
    }
}
