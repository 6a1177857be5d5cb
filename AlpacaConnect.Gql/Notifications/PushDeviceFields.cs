using AlpacaConnect.Gql.GraphQL.Authorization;
using AlpacaConnect.Gql.GraphQL.Schema;
using AlpacaConnect.Gql.Identity;
using GraphQL;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Notifications;

internal sealed class PushDeviceQueries : IQueryFields
{
    public void AddFieldsTo(ObjectGraphType root) =>
        root.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PushDeviceGraphType>>>>("pushDevices")
            .Description("The signed-in user's push devices, oldest first.")
            .RequireAuthentication()
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<PushDeviceRegistry>().ListAsync(AppUser.IdOf(c.User)!, c.CancellationToken));
}

internal sealed class PushDeviceMutations : IMutationFields
{
    public void AddFieldsTo(ObjectGraphType root)
    {
        root.Field<NonNullGraphType<RegisterPushDevicePayloadType>>("registerPushDevice")
            .Description("Registers a device of the signed-in user for push. Registering the same token again refreshes it (call it on every app start); a token another user registered moves to the caller. A user keeps up to a configured number of devices; one more replaces the oldest.")
            .Argument<NonNullGraphType<RegisterPushDeviceInputType>>("input").RequireAuthentication()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RegisterPushDeviceInput>("input");
                var environment = input.ApnsEnvironment?.ToString().ToLowerInvariant();
                if (PushTokenRules.Check(input.Platform, input.Token, environment, out var token) is { } refused)
                {
                    return new RegisterPushDevicePayload(null, [new PushDeviceInputError(refused.Contains("apnsEnvironment", StringComparison.Ordinal) || refused.Contains("environment", StringComparison.Ordinal) ? "apnsEnvironment" : "token", refused)]);
                }

                var device = await c.RequestServices!.GetRequiredService<PushDeviceRegistry>()
                    .RegisterAsync(AppUser.IdOf(c.User)!, input.Platform, token, environment, input.ShowDetails, c.CancellationToken);
                return new RegisterPushDevicePayload(device, []);
            });

        root.Field<NonNullGraphType<UnregisterPushDevicePayloadType>>("unregisterPushDevice")
            .Description("Stops pushes to one of the caller's devices (call it at sign-out).")
            .Argument<NonNullGraphType<UnregisterPushDeviceInputType>>("input").RequireAuthentication()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UnregisterPushDeviceInput>("input");
                if (input.Token.Length > PushTokenRules.MaxLength)
                {
                    return new UnregisterPushDevicePayload(null, [new PushDeviceInputError("token", $"A device token has at most {PushTokenRules.MaxLength} characters.")]);
                }

                var token = input.Platform == PushPlatform.Apns ? input.Token.Trim().ToLowerInvariant() : input.Token.Trim();
                var removed = await c.RequestServices!.GetRequiredService<PushDeviceRegistry>()
                    .UnregisterAsync(AppUser.IdOf(c.User)!, input.Platform, token, c.CancellationToken);
                return new UnregisterPushDevicePayload(removed, []);
            });
    }
}
