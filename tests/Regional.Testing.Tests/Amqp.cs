using System.Net.Sockets;
using System.Text;
using RabbitMQ.Client;

namespace Regional.Testing.Tests;

/// <summary>Small AMQP helpers: a raw protocol handshake, and RabbitMQ.Client for queues and messages.</summary>
public static class Amqp
{
    /// <summary>
    /// Opens a TCP connection, sends the AMQP 0-9-1 protocol header and reads the broker's first
    /// frame, which must be connection.start. Returns the open client for further observation.
    /// </summary>
    public static async Task<TcpClient> HandshakeAsync(string host, int port, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), cancellationToken);
            var header = new byte[11];
            await stream.ReadExactlyAsync(header, cancellationToken);

            // Frame type 1 (method) on channel 0; payload starts with class 10 (connection), method 10 (start),
            // version 0-9.
            var classId = (header[7] << 8) | header[8];
            var methodId = (header[9] << 8) | header[10];
            if (header[0] != 1 || header[1] != 0 || header[2] != 0 || classId != 10 || methodId != 10)
            {
                throw new InvalidOperationException($"Not an AMQP connection.start frame: {Convert.ToHexString(header)}");
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>True if the broker closes <paramref name="client"/>'s connection within <paramref name="timeout"/>.</summary>
    public static async Task<bool> IsClosedWithinAsync(TcpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(timeout);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                // Skips the rest of connection.start; a read of 0 bytes is the broker closing the socket.
                if (await client.GetStream().ReadAsync(buffer, source.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static Task<IConnection> ConnectAsync(RabbitMqNode node, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = node.AmqpUri, AutomaticRecoveryEnabled = false, ClientProvidedName = "Regional.Testing.Tests" }
            .CreateConnectionAsync(cancellationToken);

    /// <summary>Declares a durable queue and publishes persistent messages to it, waiting for the broker's confirms.</summary>
    public static async Task PublishDurablyAsync(IConnection connection, string queue, IEnumerable<string> bodies, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        foreach (var body in bodies)
        {
            await channel.BasicPublishAsync(
                exchange: "", routingKey: queue, mandatory: true, basicProperties: new BasicProperties { Persistent = true },
                body: Encoding.UTF8.GetBytes(body), cancellationToken: cancellationToken);
        }
    }

    /// <summary>Takes every ready message from a queue (acknowledging them) and returns their bodies in order.</summary>
    public static async Task<IReadOnlyList<string>> DrainAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var bodies = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: true, cancellationToken) is { } message)
        {
            bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
        }

        return bodies;
    }
}
