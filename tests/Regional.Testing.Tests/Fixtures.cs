using Regional.Testing.Tests;

[assembly: AssemblyFixture(typeof(SharedBroker))]
[assembly: AssemblyFixture(typeof(SharedPostgres))]

namespace Regional.Testing.Tests;

/// <summary>One private RabbitMQ node for the whole assembly (tests that stop it start their own).</summary>
public sealed class SharedBroker : IAsyncLifetime
{
    private RabbitMqNode? node;

    public RabbitMqNode Node => node ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => node = await RabbitMqNode.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (node is not null)
        {
            await node.DisposeAsync();
        }
    }
}

/// <summary>One private PostgreSQL server for the whole assembly.</summary>
public sealed class SharedPostgres : IAsyncLifetime
{
    private PostgresServer? server;

    public PostgresServer Server => server ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => server = await PostgresServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>Tests that set process-wide environment variables run alone, after all others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentVariablesCollection
{
    public const string Name = "Environment variables";
}

/// <summary>Sets an environment variable for the life of the scope.</summary>
public sealed class EnvironmentVariableScope : IDisposable
{
    private readonly string name;
    private readonly string? previous;

    public EnvironmentVariableScope(string name, string? value)
    {
        this.name = name;
        previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
}
