using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Regional.Identity.Tests.Infrastructure;

/// <summary>Builds JWS compact tokens by hand, to present what a real issuer never would.</summary>
public static class Forgery
{
    public static string Header(string alg, string? kid) =>
        kid is null ? $$"""{"alg":"{{alg}}","typ":"at+jwt"}""" : $$"""{"alg":"{{alg}}","kid":"{{kid}}","typ":"at+jwt"}""";

    public static string SignRs256(string headerJson, string payloadSegment, RSA key) =>
        SignRsa(headerJson, payloadSegment, key, HashAlgorithmName.SHA256);

    public static string SignRsa(string headerJson, string payloadSegment, RSA key, HashAlgorithmName hash)
    {
        var signingInput = Encode(headerJson) + "." + payloadSegment;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), hash, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    public static string SignHs256(string headerJson, string payloadSegment, byte[] secret)
    {
        var signingInput = Encode(headerJson) + "." + payloadSegment;
        return signingInput + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    public static string Unsigned(string payloadSegment) => Encode("""{"alg":"none","typ":"at+jwt"}""") + "." + payloadSegment + ".";

    public static string PayloadSegment(string jwt) => jwt.Split('.')[1];

    public static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
}
