namespace Regional.Identity.Tests.Infrastructure;

/// <summary>One identity service per test class, with the default in-memory configuration.</summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    private IdentityService? _identity;

    public IdentityService Identity => _identity ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _identity = await IdentityService.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_identity is not null)
            await _identity.DisposeAsync();
    }
}
