using System.Net;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

/// <summary>
/// Validated tokens are remembered so that a case system's repeated calls skip the signature
/// check; the memory must never outlive the token.
/// </summary>
public sealed class When_a_validated_token_is_presented_again
{
    [Fact]
    public async Task It_is_accepted_while_valid_and_refused_once_expired()
    {
        await using var identity = await IdentityService.StartAsync(s => s["Identity:TokenLifetime"] = "00:00:02");
        var settings = ProtectedApi.Settings(identity.Issuer);
        settings["Authentication:ClockSkew"] = "00:00:00";
        await using var api = await ProtectedApi.StartAsync(settings);
        var token = await identity.ClientTokenAsync();

        using (var first = await api.GetAsync("/whoami", token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var again = await api.GetAsync("/whoami", token))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        using var expired = await api.GetAsync("/whoami", token);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }
}
