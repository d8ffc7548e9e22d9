using EfficiencyMisnomer.Fuzz.Harness;
using EfficiencyMisnomer.Fuzz.Tests;
using SharpFuzz;

// misnomer-fuzz-harness TARGET          under afl-fuzz: one input per run from standard input (SharpFuzz's protocol)
// misnomer-fuzz-harness seeds DIR REPO  write the seed inputs of every target under DIR
// misnomer-fuzz-harness replay TARGET FILE...   run saved inputs (AFL++'s crashes) and print what each breaks
Directory.CreateDirectory(FuzzTargets.Folder);
switch (args)
{
    case ["seeds", var folder, var repository]:
        Seeds.Write(folder, repository);
        return 0;
    case ["replay", var name, .. var files] when FuzzTargets.All.TryGetValue(name, out var target):
        var broken = 0;
        foreach (var file in files)
        {
            var (outcome, problem) = Replay(target, File.ReadAllBytes(file));
            Console.WriteLine($"{file}: {problem ?? outcome}");
            broken += problem is null ? 0 : 1;
        }

        return broken == 0 ? 0 : 1;
    case [var name] when FuzzTargets.All.TryGetValue(name, out var target):
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray());
        });
        return 0;
    default:
        Console.Error.WriteLine($"usage: misnomer-fuzz-harness {string.Join("|", FuzzTargets.All.Keys)} | seeds DIR REPOSITORY | replay TARGET FILE...");
        return 2;
}

static (string Outcome, string? Problem) Replay(Action<byte[]> target, byte[] input)
{
    try
    {
        FuzzTargets.Run(target, input);
        return ("keeps the contract", null);
    }
#pragma warning disable CA1031 // Every exception is what the replay reports.
    catch (Exception e)
#pragma warning restore CA1031
    {
        return ("", Invariants.Describe(e));
    }
}
