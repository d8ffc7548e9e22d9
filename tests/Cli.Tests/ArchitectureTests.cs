using System.Text.RegularExpressions;
using Mono.Cecil;

namespace EfficiencyMisnomer.Cli.Tests;

/// <summary>
/// Dependencies between the folders of each assembly point one way (docs/architecture.md): a namespace cycle fails
/// the build. Read from the compiled IL, so a use hidden in a method body counts as much as one in a signature.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>Each assembly with the namespace its folders' namespaces start with.</summary>
    private static readonly (string Assembly, string Root)[] Assemblies =
    [
        ("EfficiencyMisnomer.Core", "EfficiencyMisnomer"),
        ("EfficiencyMisnomer.Runtime", "EfficiencyMisnomer.Runtime"),
        ("EfficiencyMisnomer.Reporting", "EfficiencyMisnomer.Reporting"),
        ("misnomer", "EfficiencyMisnomer.Cli"),
    ];

    [TestCaseSource(nameof(AssemblyNames))]
    public void No_two_folders_of_an_assembly_depend_on_each_other(string assembly)
    {
        var graph = FolderGraph.Read(assembly, Root(assembly));

        var cycles = graph.Cycles();

        Assert.That(cycles, Is.Empty, () => "namespace cycles (each edge with the uses that make it):\n" +
            string.Join("\n", cycles.Select(graph.Describe)));
    }

    [Test]
    public void The_check_sees_a_dependency_that_only_a_method_body_makes()
    {
        // The runtime library's entry point uses Isolation only inside Main. If the reader missed method bodies, the
        // cycle check above would pass on a tree whose folders use each other in code.
        var graph = FolderGraph.Read("EfficiencyMisnomer.Runtime", "EfficiencyMisnomer.Runtime");

        Assert.That(graph.DependsOn("(root)", "Isolation"), Is.True);
        Assert.That(graph.DependsOn("Isolation", "(root)"), Is.False);
    }

    [Test]
    public void Docs_architecture_names_every_folder_and_no_other()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
        var documented = Regex.Matches(text, @"^\| `src/([\w./]+)/` \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var folders = new[] { "Core", "Runtime" }
            .SelectMany(project => Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "src", project))
                .Select(Path.GetFileName)
                .Where(name => name is not ("bin" or "obj"))
                .Select(name => $"{project}/{name}"))
            .Concat(["Cli", "Tasks", "TestAdapter", "Reporting", "OnnxRuntime.Cpu"])
            .ToHashSet(StringComparer.Ordinal);

        Assert.That(documented, Is.EquivalentTo(folders));
    }

    private static IEnumerable<string> AssemblyNames() => Assemblies.Select(a => a.Assembly);

    private static string Root(string assembly) => Assemblies.Single(a => a.Assembly == assembly).Root;

    /// <summary>Which folder (first namespace segment under the assembly's root) uses which, with the uses that make each edge.</summary>
    private sealed class FolderGraph
    {
        private readonly Dictionary<(string From, string To), List<string>> _edges = new();

        public static FolderGraph Read(string assembly, string root)
        {
            var graph = new FolderGraph();
            using var module = ModuleDefinition.ReadModule(Path.Combine(AppContext.BaseDirectory, assembly + ".dll"));
            foreach (var type in module.GetTypes())
            {
                if (Folder(type, root) is not { } from)
                    continue;
                foreach (var used in Uses(type).SelectMany(Flatten))
                {
                    if (used.Scope is not ModuleDefinition || Folder(used, root) is not { } to || to == from)
                        continue;
                    var uses = graph._edges.TryGetValue((from, to), out var found) ? found : graph._edges[(from, to)] = new List<string>();
                    var use = $"{type.FullName} uses {used.FullName}";
                    if (!uses.Contains(use))
                        uses.Add(use);
                }
            }
            return graph;
        }

        public bool DependsOn(string from, string to) => _edges.ContainsKey((from, to));

        /// <summary>Groups of two or more folders that reach each other.</summary>
        public List<string[]> Cycles()
        {
            var folders = _edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
            var reach = folders.ToDictionary(f => f, Reachable);
            return folders
                .Select(f => folders.Where(g => reach[f].Contains(g) && reach[g].Contains(f)).ToArray())
                .Where(group => group.Length > 1)
                .DistinctBy(group => string.Join(",", group))
                .ToList();
        }

        public string Describe(string[] cycle) =>
            string.Join("\n", _edges.Where(e => cycle.Contains(e.Key.From) && cycle.Contains(e.Key.To))
                .Select(e => $"  {e.Key.From} -> {e.Key.To}: {string.Join("; ", e.Value.Take(3))}{(e.Value.Count > 3 ? $" and {e.Value.Count - 3} more" : "")}"));

        private HashSet<string> Reachable(string start)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>([start]);
            while (pending.TryPop(out var folder))
                foreach (var next in _edges.Keys.Where(e => e.From == folder).Select(e => e.To))
                    if (seen.Add(next))
                        pending.Push(next);
            return seen;
        }

        /// <summary>The folder of a type of this assembly, or null for generated types outside its root.</summary>
        private static string? Folder(TypeReference type, string root)
        {
            while (type.DeclaringType is { } outer)
                type = outer;
            var ns = type.Namespace;
            if (ns == root)
                return "(root)";
            if (!ns.StartsWith(root + ".", StringComparison.Ordinal))
                return null;
            return ns[(root.Length + 1)..].Split('.')[0];
        }

        private static IEnumerable<TypeReference> Uses(TypeDefinition type)
        {
            if (type.BaseType is { } baseType)
                yield return baseType;
            foreach (var implemented in type.Interfaces)
                yield return implemented.InterfaceType;
            foreach (var attribute in type.CustomAttributes)
                yield return attribute.AttributeType;
            foreach (var constraint in type.GenericParameters.SelectMany(p => p.Constraints))
                yield return constraint.ConstraintType;
            foreach (var field in type.Fields)
                yield return field.FieldType;
            foreach (var property in type.Properties)
                yield return property.PropertyType;
            foreach (var method in type.Methods)
            {
                foreach (var used in Signature(method))
                    yield return used;
                if (!method.HasBody)
                    continue;
                foreach (var variable in method.Body.Variables)
                    yield return variable.VariableType;
                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference used:
                            yield return used;
                            break;
                        case MethodReference called:
                            yield return called.DeclaringType;
                            foreach (var used in Signature(called))
                                yield return used;
                            if (called is GenericInstanceMethod generic)
                                foreach (var argument in generic.GenericArguments)
                                    yield return argument;
                            break;
                        case FieldReference field:
                            yield return field.DeclaringType;
                            yield return field.FieldType;
                            break;
                    }
                }
            }
        }

        private static IEnumerable<TypeReference> Signature(MethodReference method) =>
            method.Parameters.Select(p => p.ParameterType).Append(method.ReturnType);

        /// <summary>A type with the types it is made of: element types, generic arguments.</summary>
        private static IEnumerable<TypeReference> Flatten(TypeReference type)
        {
            switch (type)
            {
                case GenericParameter:
                    yield break;
                case GenericInstanceType generic:
                    foreach (var part in Flatten(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Flatten)))
                        yield return part;
                    yield break;
                case TypeSpecification specification:
                    foreach (var part in Flatten(specification.ElementType))
                        yield return part;
                    yield break;
                default:
                    yield return type;
                    yield break;
            }
        }
    }
}
