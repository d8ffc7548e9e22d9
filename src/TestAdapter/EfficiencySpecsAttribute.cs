using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Gate;
using EfficiencyMisnomer.Runtime.Sessions;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// Generates efficiency tests from spec files:
/// <c>[EfficiencySpecs("specs/**/*.yaml")] public void Efficiency(EfficiencyCase c) => c.Assert();</c>.
/// A relative pattern is searched upward from the test assembly's folder (see <see cref="SpecFiles"/>).
/// Discovery never throws: what cannot become a test becomes a not-runnable test saying why.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class EfficiencySpecsAttribute : NUnitAttribute, ITestBuilder, IImplyFixture, ITestAction
{
    private static readonly System.Text.CompositeFormat DiscoveryFailed = System.Text.CompositeFormat.Parse("efficiency tests could not be generated from '{0}': {1}: {2}");
    private readonly NUnitTestCaseBuilder builder = new();

    public EfficiencySpecsAttribute(string pattern) => Pattern = pattern;

    /// <summary>A glob (<c>*</c>, <c>**</c>, <c>?</c>) of spec files, relative to a folder at or above the test assembly's, or absolute.</summary>
    public string Pattern { get; }

    /// <summary>
    /// Generates nothing where the assembly declares an <see cref="EfficiencySpecsAttribute"/> of its own: set on the
    /// tests the package adds by default (build/EfficiencyMisnomer.TestAdapter.DefaultSpecs.cs), so that a project's
    /// own declaration replaces them instead of running its specs twice.
    /// </summary>
    public bool UnlessDeclared { get; init; }

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (UnlessDeclared && DeclaredElsewhere(method.TypeInfo.Assembly))
        {
            return Array.Empty<TestMethod>();
        }

        return Plan(method).Select(planned => builder.BuildTestMethod(method, suite, Parameters(planned))).ToList();
    }

    /// <summary>Whether a method of <paramref name="assembly"/> carries an attribute of this kind without <see cref="UnlessDeclared"/>.</summary>
    private static bool DeclaredElsewhere(System.Reflection.Assembly assembly)
    {
        const System.Reflection.BindingFlags All = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (System.Reflection.ReflectionTypeLoadException e)
        {
            types = e.Types;
        }

        return types.OfType<Type>().SelectMany(t => t.GetMethods(All))
            .Any(m => m.GetCustomAttributes(typeof(EfficiencySpecsAttribute), inherit: false).Cast<EfficiencySpecsAttribute>().Any(a => !a.UnlessDeclared));
    }

    private IReadOnlyList<PlannedTest> Plan(IMethodInfo method)
    {
        try
        {
            var (settings, problems) = EfficiencySettings.Read(name => TestContext.Parameters.Get(name));
            if (problems.Count > 0)
            {
                return new[] { EfficiencyTestPlanner.InvalidSettings(problems) };
            }

            var planner = new EfficiencyTestPlanner(settings, FingerprintProfileMatcher.ThisMachine, () => new ProviderSelector().Select(settings.EffectiveProvider));
            return planner.Plan(Pattern, StartFolder(method));
        }
#pragma warning disable CA1031 // Like NUnit's own sources, discovery reports any failure as a not-runnable test instead of losing every test.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = UserText.Format(DiscoveryFailed, Pattern, e.GetType().Name, e.Message);
            return new[] { new PlannedTest(new InvalidEfficiencyCase(Pattern, reason), RunState.NotRunnable, reason, new[] { EfficiencyTestPlanner.Category }) };
        }
    }

    /// <summary>Around the suite of the generated tests, not each test: after them, the reason of each skipped one.</summary>
    public ActionTargets Targets => ActionTargets.Suite;

    public void BeforeTest(ITest test)
    {
    }

    public void AfterTest(ITest test)
    {
        if (SkipReasons.Text(TestExecutionContext.CurrentContext.CurrentResult) is { } reasons)
        {
            TestContext.Error.WriteLine(reasons);
        }
    }

    private static string StartFolder(IMethodInfo method)
    {
        var location = method.TypeInfo.Assembly.Location;
        return string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location)!;
    }

    private static TestCaseParameters Parameters(PlannedTest planned)
    {
        var parameters = new TestCaseParameters(new object?[] { planned.Case })
        {
            TestName = planned.Case.Name,
            RunState = planned.RunState,
        };
        if (planned.Reason is { } reason)
        {
            parameters.Properties.Set(PropertyNames.SkipReason, reason);
        }

        foreach (var category in planned.Categories)
        {
            parameters.Properties.Add(PropertyNames.Category, category);
        }

        if (planned.NonParallelizable)
        {
            parameters.Properties.Set(PropertyNames.ParallelScope, ParallelScope.None);
        }

        return parameters;
    }
}
