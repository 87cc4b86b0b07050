using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Regional.Messaging;

namespace Regional.IntegrationTests.Infrastructure;

/// <summary>
/// A MassTransit bus of the test's own on the region's virtual host: it subscribes to the
/// metadata events as the regional monitor would, and can put messages on any queue.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    private IBusControl _bus = null!;

    public ConcurrentQueue<(object Message, string RawBody)> Received { get; } = new();

    public static async Task<TestBus> StartAsync(Uri brokerUri, string queue, Action<IReceiveEndpointConfigurator, TestBus> subscribe)
    {
        var broker = BrokerSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:Uri"] = brokerUri.ToString() }).Build());
        var testBus = new TestBus();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, broker.Port, broker.VirtualHost, "test-bus", h =>
            {
                h.Username(broker.Username);
                h.Password(broker.Password);
            });
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                subscribe(e, testBus);
            });
        });
        testBus._bus = bus;

        // Started on a clean execution context, as the region's own buses are.
        Task started;
        using (ExecutionContext.SuppressFlow())
        {
            started = Task.Run(() => bus.StartAsync(TimeSpan.FromSeconds(30)));
        }

        await started;
        return testBus;
    }

    public void Capture<T>(IReceiveEndpointConfigurator endpoint)
        where T : class =>
        endpoint.Handler<T>(context =>
        {
            Received.Enqueue((context.Message, System.Text.Encoding.UTF8.GetString(context.ReceiveContext.Body.GetBytes())));
            return Task.CompletedTask;
        });

    public IEnumerable<T> Messages<T>() => Received.Select(r => r.Message).OfType<T>();

    public async Task SendRaw(string queue, Type messageType, object message, Guid messageId)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(message, messageType, context => context.MessageId = messageId);
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
