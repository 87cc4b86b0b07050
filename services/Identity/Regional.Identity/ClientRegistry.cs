using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Regional.Identity;

/// <summary>The configured system clients and the check of their secrets.</summary>
internal sealed class ClientRegistry
{
    private readonly Dictionary<string, (ClientOptions Client, byte[] SecretHash)> _clients;

    // Compared against when the client id is unknown, so that unknown and known ids take the same time.
    private readonly byte[] _unknownClientHash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));

    public ClientRegistry(IOptions<IdentityServiceOptions> options) =>
        _clients = options.Value.Clients.ToDictionary(c => c.ClientId, c => (c, Hash(c.ClientSecret)), StringComparer.Ordinal);

    public bool IsKnown(string clientId) => _clients.ContainsKey(clientId);

    public ClientOptions? Authenticate(string clientId, string secret)
    {
        var known = _clients.TryGetValue(clientId, out var entry);
        // Hashing first makes both sides the same length, so the comparison leaks neither
        // the secret's length nor how many leading characters matched.
        var matches = CryptographicOperations.FixedTimeEquals(known ? entry.SecretHash : _unknownClientHash, Hash(secret));
        return known && matches ? entry.Client : null;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
