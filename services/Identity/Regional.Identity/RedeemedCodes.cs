using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Regional.Identity;

/// <summary>
/// Authorization codes already exchanged. Without a token store OpenIddict cannot tell a used
/// code from a fresh one, and RFC 6749 §4.1.2 says a code works once. Held in memory for the
/// code's few minutes: another instance behind the same address would not know, which the
/// code_verifier (never sent through the browser) makes hard to exploit.
/// </summary>
internal sealed class RedeemedCodes(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new(StringComparer.Ordinal);

    /// <summary>False when the code was redeemed before.</summary>
    public bool TryRedeem(string code, DateTimeOffset expires)
    {
        // A hash: the codes themselves need not sit in memory after use.
        var codeId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        var now = time.GetUtcNow();
        foreach (var (id, until) in _redeemed)
        {
            if (until < now)
                _redeemed.TryRemove(id, out _);
        }

        return _redeemed.TryAdd(codeId, expires);
    }
}
