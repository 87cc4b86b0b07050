using Microsoft.Extensions.Logging;

namespace Regional.Identity;

// Client ids, authority and force ids are configuration, not personal data; demo user
// names and display names are never logged, nor are secrets or tokens.
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Identity:SigningKeyPath is empty: signing with a key generated at start. Tokens will not survive a restart; set a PEM key outside development.")]
    public static partial void GeneratedSigningKey(ILogger logger);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Demo sign-in is enabled: anyone who can reach /dev/sign-in gets a token for the demo users. Development only.")]
    public static partial void DemoSignInEnabled(ILogger logger);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Issued a token to client {ClientId}")]
    public static partial void IssuedClientToken(ILogger logger, string clientId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Client authentication failed for {Client}")]
    public static partial void ClientAuthenticationFailed(ILogger logger, string client);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Issued a demo token for a user of {Organisation}")]
    public static partial void IssuedDemoToken(ILogger logger, string organisation);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Identity:EncryptionKeyPath is empty: protecting codes and refresh tokens with a key generated at start. They will not survive a restart nor work across instances; set a PEM key outside development.")]
    public static partial void GeneratedEncryptionKey(ILogger logger);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "A user of {Organisation} signed in to {ClientId}")]
    public static partial void UserSignedIn(ILogger logger, string organisation, string clientId);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Information, Message = "Issued a token to a user of {Organisation} through {ClientId} ({GrantType})")]
    public static partial void IssuedUserToken(ILogger logger, string organisation, string clientId, string grantType);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Warning, Message = "Refused a {GrantType} request: {Reason}")]
    public static partial void RefusedGrant(ILogger logger, string grantType, string reason);
}
