using EfficiencyMisnomer.Operators;

namespace EfficiencyMisnomer.CostModel;

/// <summary>
/// Costs one operator family. Each implementation lives in its own file under <c>CostModel/Rules</c>
/// and is found by reflection; an operator without a rule is reported in <c>unknown_ops</c>.
/// </summary>
public interface ICostRule : IOperatorRule
{
    OperatorCost Cost(CostContext context);
}
