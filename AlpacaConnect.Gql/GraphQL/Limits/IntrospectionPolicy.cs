using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.Limits;

/// <summary>
/// GraphQL.NET's <see cref="NoIntrospectionValidationRule"/>, applied unless <see cref="GraphQLOptions.IntrospectionEnabled"/>
/// (default: Development only). At validation time, so a refused query never executes.
/// </summary>
internal sealed class IntrospectionPolicy(IOptions<GraphQLOptions> options, IHostEnvironment environment) : ValidationRuleBase
{
    private readonly bool _enabled = options.Value.IntrospectionEnabled ?? environment.IsDevelopment();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        _enabled ? default : NoIntrospectionValidationRule.Instance.GetPreNodeVisitorAsync(context);
}
