using Regional.Testing;

[assembly: AssemblyFixture(typeof(Regional.IntegrationTests.Infrastructure.SharedInfrastructure))]

// Every class starts a region against the same broker node and database server; the region's
// queue names are fixed per authority, so two regions must never run at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Regional.IntegrationTests.Infrastructure;

/// <summary>
/// One private RabbitMQ node and one PostgreSQL server for the whole test run, started from
/// the locally installed binaries (or taken from REGIONAL_TEST_RABBITMQ / REGIONAL_TEST_POSTGRES).
/// </summary>
public sealed class SharedInfrastructure : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static RabbitMqNode? _broker;
    private static PostgresServer? _postgres;

    public static async Task<(RabbitMqNode Broker, PostgresServer Postgres)> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _broker ??= await RabbitMqNode.StartAsync();
            _postgres ??= await PostgresServer.StartAsync();
            return (_broker, _postgres);
        }
        finally
        {
            Gate.Release();
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
