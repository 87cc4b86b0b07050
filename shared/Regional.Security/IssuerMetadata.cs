using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Regional.Security;

/// <summary>
/// The issuer's discovery document and signing keys: fetched on first use, again after
/// <see cref="AutomaticRefreshInterval"/>, and at once when a token names an unknown key.
/// </summary>
/// <remarks>
/// Not IdentityModel's ConfigurationManager: in 8.16 its RequestRefresh fetches on a
/// background thread and returns the old keys, so the first token after a key rotation
/// would be refused; its blocking mode is a process-wide AppContext switch.
/// </remarks>
internal sealed class IssuerMetadata(string address, IDocumentRetriever documents, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>Forged key ids can make us fetch the keys at most this often.</summary>
    public static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>While no keys are known and the issuer cannot be reached, how long to answer from the last failure.</summary>
    public static readonly TimeSpan FailureRetryInterval = TimeSpan.FromSeconds(2);

    // Replaced whole, never mutated, so that the lock-free read in GetAsync sees a consistent pair.
    private sealed record Snapshot(OpenIdConnectConfiguration Configuration, DateTimeOffset RefreshAfter);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _snapshot;

    // Guarded by _lock.
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
    private DateTimeOffset _lastFailure = DateTimeOffset.MinValue;
    private Exception? _failure;

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancel)
    {
        var seen = _snapshot;
        if (seen is not null && time.GetUtcNow() < seen.RefreshAfter)
            return seen.Configuration;

        await _lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var current = _snapshot;
            if (current is not null && !ReferenceEquals(current, seen))
                return current.Configuration; // Fetched by another request meanwhile.
            if (current is null && time.GetUtcNow() < _lastFailure + FailureRetryInterval)
                throw Unavailable(_failure);
            return await FetchAsync(current).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Fetches again because <paramref name="lacking"/> lacked a key; returns what is current afterwards.</summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(OpenIdConnectConfiguration lacking, CancellationToken cancel)
    {
        await _lock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var current = _snapshot;
            if (current is not null && !ReferenceEquals(current.Configuration, lacking))
                return current.Configuration; // Refreshed by another request meanwhile.
            var now = time.GetUtcNow();
            if (now < _lastForcedRefresh + ForcedRefreshInterval)
                return lacking;
            _lastForcedRefresh = now;
            return await FetchAsync(current).ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync(Snapshot? current)
    {
        try
        {
            // Not the request's token: one caller giving up must not fail the fetch that
            // the others queued behind the lock are waiting for.
            var fetched = await OpenIdConnectConfigurationRetriever.GetAsync(address, documents, CancellationToken.None).ConfigureAwait(false);
            _snapshot = new Snapshot(fetched, time.GetUtcNow() + AutomaticRefreshInterval);
            return fetched;
        }
        catch (Exception e)
        {
            SecurityLog.MetadataUnavailable(logger, address, e.GetType().Name);
            if (current is not null)
            {
                // Keys an hour old beat no keys while the issuer is unreachable; try again
                // later rather than on every request.
                _snapshot = current with { RefreshAfter = time.GetUtcNow() + ForcedRefreshInterval };
                return current.Configuration;
            }

            _lastFailure = time.GetUtcNow();
            _failure = e;
            throw Unavailable(e);
        }
    }

    private IssuerUnavailableException Unavailable(Exception? cause) =>
        new($"The token issuer's metadata at '{address}' could not be fetched, so no token can be validated.", cause);
}

/// <summary>No keys are known and the issuer cannot be reached: the caller's token is not at fault.</summary>
internal sealed class IssuerUnavailableException(string message, Exception? cause) : Exception(message, cause)
{
    public static TimeSpan RetryAfter => IssuerMetadata.FailureRetryInterval;
}
