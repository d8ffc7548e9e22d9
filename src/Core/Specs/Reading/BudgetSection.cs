namespace EfficiencyMisnomer.Specs.Reading;

/// <summary>
/// Where a <c>budgets</c> map sits: static budgets (top level, per model), runtime ones (per hardware profile), or a
/// BenchmarkDotNet entry's (under <c>benchmarks</c>).
/// </summary>
internal enum BudgetSection
{
    Static,
    Runtime,
    Benchmark,
}
