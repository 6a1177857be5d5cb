using System.Text;
using AlpacaConnect.Gql.Notifications.Webhooks;

namespace AlpacaConnect.Gql.Tests.Notifications.Webhooks;

public sealed class WebhookSignerTests
{
    [Fact]
    public void TheSpecsTestVectorGivesTheSpecsSignature()
    {
        // Standard Webhooks' own test vector (facts 4.1): note the space inside the body.
        var signer = new WebhookSigner([WebhookHost.OldSecret]);

        var signature = signer.Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("""{"test": 2432232314}"""));

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void DuringARotationEachSecretAddsItsOwnSignatureInConfiguredOrder()
    {
        var body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
        var both = new WebhookSigner([WebhookHost.OldSecret, WebhookHost.NewSecret]).Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
        var newOnly = new WebhookSigner([WebhookHost.NewSecret]).Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);

        Assert.Equal($"v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= {newOnly}", both);
    }

    [Fact]
    public void AnIdWithADotIsRefused()
    {
        var signer = new WebhookSigner([WebhookHost.OldSecret]);

        Assert.Throws<ArgumentException>(() => signer.Sign("msg_a.b", 1614265330, "{}"u8));
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "must start with whsec_")]
    [InlineData("v1,MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "must start with whsec_")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS!", "not valid base64")]
    [InlineData("whsec_c2hvcnQta2V5LW9mLTIwLWJ5dGU=", "must decode to 24 to 64 bytes (it decodes to 20)")]
    [InlineData("whsec_", "must decode to 24 to 64 bytes (it decodes to 0)")]
    public void ASecretThatIsNotWhsecBase64Of24To64BytesIsRefusedWithoutBeingQuoted(string secret, string expected)
    {
        var problem = WebhookSecret.Problem(secret);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..] is { Length: > 0 } key ? key : "\0", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new WebhookSigner([secret]));
    }
}
