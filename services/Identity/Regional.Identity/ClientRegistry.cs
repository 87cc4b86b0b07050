using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Regional.Identity;

/// <summary>The configured clients and demo users, and the check of system clients' secrets.</summary>
internal sealed class ClientRegistry
{
    private readonly Dictionary<string, (ClientOptions Client, byte[] SecretHash)> _clients;
    private readonly Dictionary<string, BrowserClientOptions> _browserClients;
    private readonly IdentityServiceOptions _options;

    // Compared against when the client id is unknown, so that unknown and known ids take the same time.
    private readonly byte[] _unknownClientHash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));

    public ClientRegistry(IOptions<IdentityServiceOptions> options)
    {
        _options = options.Value;
        _clients = _options.Clients.ToDictionary(c => c.ClientId, c => (c, Hash(c.ClientSecret)), StringComparer.Ordinal);
        _browserClients = _options.BrowserClients.ToDictionary(c => c.ClientId, StringComparer.Ordinal);
    }

    public bool IsKnown(string clientId) => _clients.ContainsKey(clientId);

    public ClientOptions? Authenticate(string clientId, string secret)
    {
        var known = _clients.TryGetValue(clientId, out var entry);
        // Hashing first makes both sides the same length, so the comparison leaks neither
        // the secret's length nor how many leading characters matched.
        var matches = CryptographicOperations.FixedTimeEquals(known ? entry.SecretHash : _unknownClientHash, Hash(secret));
        return known && matches ? entry.Client : null;
    }

    public ClientOptions? SystemClient(string clientId) => _clients.TryGetValue(clientId, out var entry) ? entry.Client : null;

    public IReadOnlyList<ClientOptions> SystemClients => _options.Clients;

    public IReadOnlyList<BrowserClientOptions> BrowserClients => _options.BrowserClients;

    public BrowserClientOptions? BrowserClient(string? clientId) =>
        clientId is not null && _browserClients.TryGetValue(clientId, out var client) ? client : null;

    public bool IsPostLogoutRedirectUri(string uri) =>
        _options.BrowserClients.Any(c => c.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal));

    /// <summary>Demo users can sign in only where demo sign-in is enabled.</summary>
    public IReadOnlyList<DemoUserOptions> DemoUsers => _options.DemoUsers.Enabled ? _options.DemoUsers.Users : [];

    public DemoUserOptions? DemoUser(string? userName) =>
        string.IsNullOrWhiteSpace(userName)
            ? null
            : DemoUsers.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
