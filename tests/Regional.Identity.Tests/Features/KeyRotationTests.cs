using System.Net;
using System.Security.Cryptography;
using Regional.Identity.Tests.Infrastructure;

namespace Regional.Identity.Tests.Features;

/// <summary>
/// The operator's rotation: the new key becomes Identity:SigningKeyPath, the old one moves to
/// Identity:PreviousSigningKeyPaths until every token it signed has expired, then goes.
/// </summary>
public sealed class When_the_signing_key_is_rotated : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("regional-rotation-").FullName;

    [Fact]
    public async Task A_token_signed_with_the_previous_key_still_validates_while_both_are_published()
    {
        var oldKey = WritePem();
        var newKey = WritePem();
        var encryption = WritePem();

        string oldToken;
        string oldRefreshToken;
        int port;
        await using (var before = await IdentityService.StartAsync(s => Keys(s, oldKey, encryption)))
        {
            port = before.Port;
            oldToken = await before.ClientTokenAsync();
            using var browser = new Browser(before);
            var code = await browser.SignInAsync(IdentityService.Practitioner, scope: "openid offline_access regional");
            using var tokens = await browser.RedeemAsync(code, browser.Verifier);
            oldRefreshToken = (await tokens.JsonAsync()).GetProperty("refresh_token").GetString()!;
        }

        // Restarted at the same address (so the same issuer), as a deployment would.
        await using var after = await IdentityService.StartAsync(s => Keys(s, newKey, encryption, oldKey), port: port);
        await using var api = await ProtectedApi.StartAsync(after.Issuer);
        var newToken = await after.ClientTokenAsync();

        using var jwks = await after.Http.GetAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        var kids = (await jwks.JsonAsync()).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        var oldKid = Tokens.Header(oldToken).GetProperty("kid").GetString();
        var newKid = Tokens.Header(newToken).GetProperty("kid").GetString();
        Assert.NotEqual(oldKid, newKid);
        Assert.Equal([newKid, oldKid], kids);

        using var withOld = await api.GetAsync("/whoami", oldToken);
        using var withNew = await api.GetAsync("/whoami", newToken);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);

        // A person signed in before the rotation stays signed in; the new token has the new key.
        using var browserAfter = new Browser(after);
        using var refreshed = await browserAfter.RefreshAsync(oldRefreshToken);
        var refreshedToken = await Tokens.AccessTokenAsync(refreshed);
        Assert.Equal(newKid, Tokens.Header(refreshedToken).GetProperty("kid").GetString());
    }

    [Fact]
    public async Task Once_the_previous_key_is_dropped_its_tokens_are_refused()
    {
        var oldKey = WritePem();
        var newKey = WritePem();

        string oldToken;
        int port;
        await using (var before = await IdentityService.StartAsync(s => Keys(s, oldKey, encryption: null)))
        {
            port = before.Port;
            oldToken = await before.ClientTokenAsync();
        }

        await using var after = await IdentityService.StartAsync(s => Keys(s, newKey, encryption: null), port: port);
        await using var api = await ProtectedApi.StartAsync(after.Issuer);

        using var response = await api.GetAsync("/whoami", oldToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var jwks = await after.Http.GetAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        Assert.Single((await jwks.JsonAsync()).GetProperty("keys").EnumerateArray());
    }

    [Fact]
    public async Task A_user_removed_from_the_configuration_can_no_longer_refresh()
    {
        var signing = WritePem();
        var encryption = WritePem();

        string refreshToken;
        int port;
        await using (var before = await IdentityService.StartAsync(s => Keys(s, signing, encryption)))
        {
            port = before.Port;
            using var browser = new Browser(before);
            var code = await browser.SignInAsync(IdentityService.Coordinator, scope: "openid offline_access regional");
            using var tokens = await browser.RedeemAsync(code, browser.Verifier);
            refreshToken = (await tokens.JsonAsync()).GetProperty("refresh_token").GetString()!;
        }

        await using var after = await IdentityService.StartAsync(
            s =>
            {
                Keys(s, signing, encryption);
                foreach (var key in s.Keys.Where(k => k.StartsWith("Identity:DemoUsers:Users:2:", StringComparison.Ordinal)).ToList())
                    s[key] = null;
            },
            port: port);
        using var browserAfter = new Browser(after);

        using var response = await browserAfter.RefreshAsync(refreshToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.JsonAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_previous_key_file_that_does_not_exist_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => IdentityService.StartAsync(s => s["Identity:PreviousSigningKeyPaths:0"] = Path.Combine(_folder, "missing.pem")));

        Assert.Contains(error.Failures, f => f.Contains("Identity:PreviousSigningKeyPaths:0 names a file that does not exist"));
    }

    [Fact]
    public async Task The_encryption_key_may_not_be_a_signing_key()
    {
        var key = WritePem();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => IdentityService.StartAsync(s => Keys(s, key, encryption: key)));

        Assert.Contains("Identity:EncryptionKeyPath", error.Message);
    }

    private static void Keys(Dictionary<string, string?> settings, string current, string? encryption, params string[] previous)
    {
        settings["Identity:SigningKeyPath"] = current;
        settings["Identity:EncryptionKeyPath"] = encryption;
        for (var i = 0; i < previous.Length; i++)
            settings[$"Identity:PreviousSigningKeyPaths:{i}"] = previous[i];
    }

    private string WritePem()
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, rsa.ExportPkcs8PrivateKeyPem());
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
