using AlpacaConnect.Gql.Tests.TestHost;
using StackExchange.Redis;

namespace AlpacaConnect.Gql.Tests.ScaleOut;

/// <summary>
/// A real failure of Redis publishing for chosen instances: each instance signs in to the test's Redis as its own ACL
/// user, and the test takes the <c>PUBLISH</c> right away from them and gives it back. Redis answers NOPERM, as it
/// would any failed publish; subscriptions keep working.
/// </summary>
internal sealed class RedisPublishDenial : IDisposable
{
    private readonly ConnectionMultiplexer _admin;
    private readonly string _password = Guid.NewGuid().ToString("N");
    private readonly List<string> _users = [];

    public RedisPublishDenial()
    {
        var options = ConfigurationOptions.Parse(ScaleOutServices.RequireRedis());
        options.AllowAdmin = true;
        _admin = ConnectionMultiplexer.Connect(options);
    }

    /// <summary>Points <paramref name="host"/> at Redis as a new user allowed everything, for now.</summary>
    public ApiFactory Install(ApiFactory host)
    {
        var user = $"instance-{Guid.NewGuid():N}";
        _users.Add(user);
        Acl("SETUSER", user, "on", ">" + _password, "~*", "&*", "+@all");
        var options = ConfigurationOptions.Parse(ScaleOutServices.RequireRedis());
        options.User = user;
        options.Password = _password;
        return host.WithSetting("Streaming:Redis:ConnectionString", options.ToString(includePassword: true));
    }

    /// <summary>Every installed instance's publishes fail from now on (<paramref name="denied"/>) or work again.</summary>
    public void Deny(bool denied)
    {
        _users.ForEach(user => Acl("SETUSER", user, denied ? "-publish" : "+publish"));
        // What the instances now meet, checked as one of them.
        var options = ConfigurationOptions.Parse(ScaleOutServices.RequireRedis());
        options.User = _users[0];
        options.Password = _password;
        using var instance = ConnectionMultiplexer.Connect(options);
        void publish() => instance.GetSubscriber().Publish(RedisChannel.Literal("publish-denial-probe"), "probe");
        if (denied)
        {
            Assert.Contains("NOPERM", Assert.Throws<RedisServerException>((Action)publish).Message, StringComparison.Ordinal);
        }
        else
        {
            publish();
        }
    }

    public void Dispose()
    {
        _users.ForEach(user => Acl("DELUSER", user));
        _admin.Dispose();
    }

    private void Acl(params object[] arguments) => _admin.GetServers()[0].Execute("ACL", arguments);
}
