using GraphQL.Types;

namespace AlpacaConnect.Gql.Viewer;

/// <summary>The signed-in app user.</summary>
internal sealed record Viewer(string Id, string Name);

internal sealed class ViewerType : ObjectGraphType<Viewer>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The signed-in app user, as named by the app's identity provider.";
        Field(v => v.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The user's stable id (the token's `sub`).");
        Field(v => v.Name).Description("Display name from the token, or the id.");
    }
}
