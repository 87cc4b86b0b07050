using Microsoft.IdentityModel.Protocols;

namespace Regional.Security;

/// <summary>
/// Fetches discovery and JWKS documents through <see cref="IHttpClientFactory"/>, so that
/// connection pooling and DNS refresh are the factory's, not one client's held forever.
/// </summary>
internal sealed class DiscoveryDocumentRetriever(IHttpClientFactory clients, bool requireHttps) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        // Applies to the jwks_uri found inside discovery too, not only to the configured address.
        if (requireHttps && !address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Refusing to fetch '{address}' over plain HTTP: Authentication:RequireHttpsMetadata is true.");

        var client = clients.CreateClient(RegionalAuthenticationDefaults.DiscoveryHttpClientName);
        using var response = await client.GetAsync(address, cancel).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Fetching '{address}' returned {(int)response.StatusCode}.", null, response.StatusCode);

        return await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
    }
}
