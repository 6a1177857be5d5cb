using AlpacaConnect.Gql.GraphQL.Errors;
using GraphQL.Types;

namespace AlpacaConnect.Gql.Notifications;

internal sealed class PushPlatformGraphType : EnumerationGraphType<PushPlatform>
{
    public PushPlatformGraphType()
    {
        Name = "PushPlatform";
        Description = "The push provider a device token belongs to: APNS (iOS), FCM (Android, or iOS through Firebase), EXPO (an Expo app).";
    }
}

internal enum ApnsEnvironment
{
    Sandbox,
    Production,
}

internal sealed class ApnsEnvironmentGraphType : EnumerationGraphType<ApnsEnvironment>
{
    public ApnsEnvironmentGraphType()
    {
        Name = "ApnsEnvironment";
        Description = "Which APNs host a token works with: SANDBOX for development builds, PRODUCTION for TestFlight and the App Store.";
    }
}

internal sealed class PushDeviceGraphType : ObjectGraphType<PushDevice>
{
    public PushDeviceGraphType()
    {
        Name = "PushDevice";
        Description = "A device of the signed-in user that gets a push when an order fills, is canceled, expires or is rejected, and when the Alpaca connection needs signing in again. The token itself is never returned.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<PushPlatformGraphType>>("platform").Resolve(c => c.Source.Platform);
        Field<ApnsEnvironmentGraphType>("apnsEnvironment").Resolve(c => c.Source.Environment is { } e ? Enum.Parse<ApnsEnvironment>(e, ignoreCase: true) : null);
        Field<NonNullGraphType<BooleanGraphType>>("showDetails").Description("Whether the lock screen may show the symbol, quantity and price.").Resolve(c => c.Source.ShowDetails);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("registeredAt").Resolve(c => c.Source.RegisteredAt);
    }
}

internal sealed record RegisterPushDeviceInput(PushPlatform Platform, string Token, ApnsEnvironment? ApnsEnvironment, bool ShowDetails);

internal sealed record UnregisterPushDeviceInput(PushPlatform Platform, string Token);

internal sealed class RegisterPushDeviceInputType : InputObjectGraphType<RegisterPushDeviceInput>
{
    public RegisterPushDeviceInputType()
    {
        Name = "RegisterPushDeviceInput";
        Field<NonNullGraphType<PushPlatformGraphType>>("platform");
        Field<NonNullGraphType<StringGraphType>>("token").Description($"The provider's device token (APNs hex, FCM registration token, ExponentPushToken[...]); at most {PushTokenRules.MaxLength} characters.");
        Field<ApnsEnvironmentGraphType>("apnsEnvironment").Description("Required for APNS, refused for the others.");
        Field<NonNullGraphType<BooleanGraphType>>("showDetails").DefaultValue(false).Description("Let the lock screen show the symbol, quantity and price. Off by default.");
    }
}

internal sealed class UnregisterPushDeviceInputType : InputObjectGraphType<UnregisterPushDeviceInput>
{
    public UnregisterPushDeviceInputType()
    {
        Name = "UnregisterPushDeviceInput";
        Field<NonNullGraphType<PushPlatformGraphType>>("platform");
        Field<NonNullGraphType<StringGraphType>>("token");
    }
}

/// <summary>A token or environment that breaks <see cref="PushTokenRules"/>; nothing was stored.</summary>
internal sealed record PushDeviceInputError(string Field, string Message) : PayloadError(ErrorCodes.BadUserInput, Message);

internal sealed class PushDeviceInputErrorType : PayloadErrorGraphType<PushDeviceInputError>
{
    public PushDeviceInputErrorType()
        : base("PushDeviceInputError", "The token or its environment was refused; nothing was stored.")
    {
        Field(e => e.Field).Description("The input field to blame.");
    }
}

internal sealed class PushDeviceErrorType : UnionGraphType
{
    public PushDeviceErrorType()
    {
        Name = "PushDeviceError";
        Type<PushDeviceInputErrorType>();
    }
}

internal sealed record RegisterPushDevicePayload(PushDevice? Device, IReadOnlyList<PayloadError> Errors);

internal sealed record UnregisterPushDevicePayload(Guid? RemovedDeviceId, IReadOnlyList<PayloadError> Errors);

internal sealed class RegisterPushDevicePayloadType : ObjectGraphType<RegisterPushDevicePayload>
{
    public RegisterPushDevicePayloadType()
    {
        Name = "RegisterPushDevicePayload";
        Field<PushDeviceGraphType>("device").Resolve(c => c.Source.Device);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PushDeviceErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}

internal sealed class UnregisterPushDevicePayloadType : ObjectGraphType<UnregisterPushDevicePayload>
{
    public UnregisterPushDevicePayloadType()
    {
        Name = "UnregisterPushDevicePayload";
        Field<IdGraphType>("removedDeviceId").Description("The device removed; null when the caller had no device with this token.").Resolve(c => c.Source.RemovedDeviceId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PushDeviceErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}
