using RabbitMQ.Client;

namespace Regional.Testing.Tests;

public sealed class When_a_private_broker_is_started(SharedBroker broker)
{
    private readonly RabbitMqNode node = broker.Node;

    [Fact]
    public async Task It_answers_the_AMQP_protocol_header_with_connection_start()
    {
        using var client = await Amqp.HandshakeAsync(node.Host, node.AmqpPort, TestContext.Current.CancellationToken);

        Assert.True(client.Connected);
    }

    [Fact]
    public void It_is_a_controllable_node_on_loopback_with_the_guest_user()
    {
        Assert.True(node.CanControl);
        Assert.Equal("127.0.0.1", node.Host);
        Assert.Equal("/", node.VirtualHost);
        Assert.Equal(("guest", "guest"), (node.Username, node.Password));
        Assert.Equal(new Uri($"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/"), node.AmqpUri);
        Assert.StartsWith($"regional-test-{Environment.ProcessId}-", node.NodeName);
    }

    [Fact]
    public async Task A_client_can_connect_and_declare_a_queue_that_ListQueues_sees_with_its_ready_messages()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = $"listed.{Guid.NewGuid():N}";
        await using (var connection = await Amqp.ConnectAsync(node, ct))
        {
            await Amqp.PublishDurablyAsync(connection, queue, ["one", "two"], ct);
        }

        var queues = await node.ListQueuesAsync(ct);

        Assert.Equal(2, Assert.Contains(queue, queues));
    }

    [Fact]
    public async Task ListQueueDetails_tells_ready_from_unacknowledged_messages()
    {
        var ct = TestContext.Current.CancellationToken;
        var queue = $"details.{Guid.NewGuid():N}";
        await using var connection = await Amqp.ConnectAsync(node, ct);
        await Amqp.PublishDurablyAsync(connection, queue, ["taken", "waiting"], ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        Assert.NotNull(await channel.BasicGetAsync(queue, autoAck: false, ct));

        var details = Assert.Single(await node.ListQueueDetailsAsync(cancellationToken: ct), q => q.Name == queue);
        var counts = await node.ListQueuesAsync(ct);

        Assert.Equal((2, 1, 1), (details.Messages, details.Ready, details.Unacknowledged));
        Assert.Equal(2, counts[queue]);
    }

    [Fact]
    public async Task A_created_virtual_host_has_queues_of_its_own_until_it_is_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        var virtualHost = $"vhost-{Guid.NewGuid():N}";

        var uri = await node.CreateVirtualHostAsync(virtualHost, ct);

        Assert.Equal(new Uri($"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/{virtualHost}"), uri);
        await using (var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync(ct))
        {
            await Amqp.PublishDurablyAsync(connection, "only.here", ["one"], ct);
        }

        Assert.Equal(1, Assert.Contains("only.here", await node.ListQueuesAsync(virtualHost, ct)));
        Assert.DoesNotContain("only.here", await node.ListQueuesAsync(ct));
        await node.DeleteVirtualHostAsync(virtualHost, ct);
        await node.DeleteVirtualHostAsync(virtualHost, ct);
        Assert.Empty(await node.ListQueuesAsync(virtualHost, ct));
    }
}
