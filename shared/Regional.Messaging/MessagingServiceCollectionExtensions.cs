using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Regional.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ for one authority's instance of a service: its consumers on its
    /// own durable queue <c>{authority}.{service}</c> (errors to <c>{queue}_error</c>), the
    /// transactional outbox and its dispatcher, and the sharing policy every send goes through.
    /// </summary>
    public static IServiceCollection AddRegionalMessaging<TContext>(
        this IServiceCollection services,
        IConfiguration configuration,
        ServiceIdentity identity,
        Action<IBusRegistrationConfigurator> addConsumers,
        IReadOnlyList<string>? alsoReceiveOn = null,
        IReadOnlyList<Type>? consumerTypes = null,
        bool production = false)
        where TContext : DbContext, IMessagingDbContext
    {
        var broker = BrokerSettings.From(configuration, production);

        services.AddSingleton(identity);
        services.AddSingleton(broker);
        // Read and checked once, at start-up: a service with broken rules does not start.
        services.AddSingleton(_ => SharingRules.Load(configuration["Sharing:RulesFile"]));
        services.AddSingleton(sp => new SharingPolicy(sp.GetRequiredService<Region.RegionDirectory>(), sp.GetRequiredService<SharingRules>()));
        services.AddHttpContextAccessor();
        services.AddExceptionHandler<LawfulBasisMissingExceptionHandler>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<CrossBorderOutbox>();
        services.AddScoped<UnitOfWork<TContext>>();
        services.AddScoped<IMessagingDbContext>(sp => sp.GetRequiredService<TContext>());
        services.AddScoped<IInbox, DatabaseInbox>();
        services.AddOptions<UnitOfWorkOptions>().Bind(configuration.GetSection(UnitOfWorkOptions.SectionName));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));
        services.AddSingleton<OutboxDispatcher<TContext>>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TContext>>());

        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // Start-up waits for the broker, so nothing is accepted that cannot be consumed.
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddMassTransit(bus =>
        {
            // MassTransit reports usage to its vendor unless told not to; a system holding
            // children's data makes no call its operator did not configure.
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            // Readiness fails while the broker is unreachable (the default reports only Degraded, which is still 200).
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "broker";
                health.Tags.Add("ready");
                health.MinimalFailureStatus = HealthStatus.Unhealthy;
            });
            addConsumers(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, identity.QueueName, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.ConnectionName(identity.QueueName);
                    host.PublisherConfirmation = true;
                });

                // One explicit queue per authority instance; each consumer's definition adds its
                // own retry. Failures after retries land in {queue}_error, never acked away.
                void Declare(IRabbitMqReceiveEndpointConfigurator endpoint)
                {
                    endpoint.PrefetchCount = 32;
                    if (broker.QueueType == QueueType.Quorum)
                    {
                        // A queue's type is fixed when it is first declared: moving an existing
                        // deployment means draining and deleting its classic queues first.
                        endpoint.SetQuorumQueue();
                    }
                }

                rabbit.ReceiveEndpoint(identity.QueueName, endpoint =>
                {
                    Declare(endpoint);
                    endpoint.ConfigureConsumers(context);
                });

                // ConfigureConsumers places each consumer once; further queues name theirs one by one.
                foreach (var queue in (alsoReceiveOn ?? []).Where(q => q != identity.QueueName).Distinct(StringComparer.Ordinal))
                {
                    rabbit.ReceiveEndpoint(queue, endpoint =>
                    {
                        Declare(endpoint);
                        foreach (var consumer in consumerTypes ?? [])
                        {
                            context.ConfigureConsumer(consumer, endpoint);
                        }
                    });
                }
            });
        });

        return services;
    }
}

/// <summary>The kind of queue each service consumes from.</summary>
public enum QueueType
{
    /// <summary>A single node's durable queue: the default for a local region and the tests.</summary>
    Classic,

    /// <summary>Replicated across a cluster's nodes (Raft): a node lost mid-burst loses no message. The default in Production.</summary>
    Quorum,
}

/// <summary>
/// Where the broker is: <c>RabbitMq:Uri</c>, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>; and
/// <c>RabbitMq:QueueType</c>, <c>classic</c> or <c>quorum</c> (by default quorum in Production).
/// </summary>
public sealed record BrokerSettings(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public QueueType QueueType { get; init; } = QueueType.Classic;

    public static BrokerSettings From(IConfiguration configuration, bool production = false)
    {
        var queueType = configuration["RabbitMq:QueueType"] switch
        {
            null or "" => production ? QueueType.Quorum : QueueType.Classic,
            var named when named.Equals("classic", StringComparison.OrdinalIgnoreCase) => QueueType.Classic,
            var named when named.Equals("quorum", StringComparison.OrdinalIgnoreCase) => QueueType.Quorum,
            var other => throw new InvalidOperationException($"RabbitMq:QueueType must be classic or quorum, not '{other}'."),
        };
        var raw = configuration["RabbitMq:Uri"] ?? configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("RabbitMq:Uri is not configured.");
        var uri = new Uri(raw);
        var user = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BrokerSettings(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest",
            user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest")
        {
            QueueType = queueType,
        };
    }
}
