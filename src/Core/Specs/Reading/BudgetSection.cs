namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>Where a <c>budgets</c> map sits: static budgets (top level, per model) or runtime ones (per hardware profile).</summary>
internal enum BudgetSection
{
    Static,
    Runtime,
}
