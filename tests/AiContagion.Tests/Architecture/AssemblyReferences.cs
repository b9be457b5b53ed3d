using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AiContagion.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from its metadata and IL with System.Reflection.Metadata: for every
/// type (nested and compiler-generated types count as their outermost declaring type), the types named by its base
/// type, interfaces, generic constraints, custom attributes, fields, properties, events, method signatures, local
/// variables, and every token in every method body (calls, field accesses, object creations, casts, ldtoken, ...),
/// generic arguments included.
/// </summary>
internal static class AssemblyReferences
{
    /// <summary>Edges (from namespace, to namespace) between the namespaces under <paramref name="prefix"/>, with one example (from type → to type) each.</summary>
    public static IReadOnlyDictionary<(string From, string To), string> NamespaceEdges(string assemblyPath, string prefix) =>
        AllEdges(assemblyPath, prefix)
            .Where(e => e.Key.To == prefix || e.Key.To.StartsWith(prefix + ".", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value);

    /// <summary>Edges from the namespaces under <paramref name="prefix"/> to every namespace they use (the BCL's and packages' too).</summary>
    public static IReadOnlyDictionary<(string From, string To), string> AllEdges(string assemblyPath, string prefix)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var provider = new NameCollector(reader);
        var edges = new Dictionary<(string, string), string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var owner = OutermostName(reader, handle);
            if (!owner.Namespace.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var used = new HashSet<(string Namespace, string Name)>();
            Collect(reader, pe, provider, handle, used);
            foreach (var (ns, name) in used)
            {
                if (ns != owner.Namespace && ns.Length > 0)
                {
                    edges.TryAdd((owner.Namespace, ns), $"{owner.Namespace}.{owner.Name} → {ns}.{name}");
                }
            }
        }

        return edges;
    }

    private static void Collect(MetadataReader reader, PEReader pe, NameCollector provider, TypeDefinitionHandle handle, HashSet<(string, string)> used)
    {
        var type = reader.GetTypeDefinition(handle);
        AddEntity(reader, provider, type.BaseType, used);
        foreach (var i in type.GetInterfaceImplementations())
        {
            AddEntity(reader, provider, reader.GetInterfaceImplementation(i).Interface, used);
        }

        AddGenericParameters(reader, provider, type.GetGenericParameters(), used);
        AddAttributes(reader, provider, type.GetCustomAttributes(), used);
        foreach (var f in type.GetFields())
        {
            var field = reader.GetFieldDefinition(f);
            used.UnionWith(field.DecodeSignature(provider, null));
            AddAttributes(reader, provider, field.GetCustomAttributes(), used);
        }

        foreach (var p in type.GetProperties())
        {
            var property = reader.GetPropertyDefinition(p);
            AddSignature(property.DecodeSignature(provider, null), used);
            AddAttributes(reader, provider, property.GetCustomAttributes(), used);
        }

        foreach (var e in type.GetEvents())
        {
            AddEntity(reader, provider, reader.GetEventDefinition(e).Type, used);
        }

        foreach (var m in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(m);
            AddSignature(method.DecodeSignature(provider, null), used);
            AddGenericParameters(reader, provider, method.GetGenericParameters(), used);
            AddAttributes(reader, provider, method.GetCustomAttributes(), used);
            foreach (var parameter in method.GetParameters())
            {
                AddAttributes(reader, provider, reader.GetParameter(parameter).GetCustomAttributes(), used);
            }

            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                foreach (var local in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null))
                {
                    used.UnionWith(local);
                }
            }

            foreach (var token in Tokens(body.GetILReader()))
            {
                AddEntity(reader, provider, MetadataTokens.EntityHandle(token), used);
            }
        }
    }

    private static void AddSignature(MethodSignature<ImmutableHashSet<(string, string)>> signature, HashSet<(string, string)> used)
    {
        used.UnionWith(signature.ReturnType);
        foreach (var parameter in signature.ParameterTypes)
        {
            used.UnionWith(parameter);
        }
    }

    private static void AddGenericParameters(MetadataReader reader, NameCollector provider, GenericParameterHandleCollection parameters, HashSet<(string, string)> used)
    {
        foreach (var p in parameters)
        {
            foreach (var c in reader.GetGenericParameter(p).GetConstraints())
            {
                AddEntity(reader, provider, reader.GetGenericParameterConstraint(c).Type, used);
            }
        }
    }

    private static void AddAttributes(MetadataReader reader, NameCollector provider, CustomAttributeHandleCollection attributes, HashSet<(string, string)> used)
    {
        foreach (var a in attributes)
        {
            AddEntity(reader, provider, reader.GetCustomAttribute(a).Constructor, used);
        }
    }

    /// <summary>The types a metadata entity names: a type, a member's declaring type and signature, a generic instantiation.</summary>
    private static void AddEntity(MetadataReader reader, NameCollector provider, EntityHandle handle, HashSet<(string, string)> used)
    {
        if (handle.IsNil)
        {
            return;
        }

        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                used.Add(OutermostName(reader, (TypeDefinitionHandle)handle));
                break;
            case HandleKind.TypeReference:
                used.Add(ReferenceName(reader, (TypeReferenceHandle)handle));
                break;
            case HandleKind.TypeSpecification:
                used.UnionWith(reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null));
                break;
            case HandleKind.MethodDefinition:
            {
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                used.Add(OutermostName(reader, method.GetDeclaringType()));
                AddSignature(method.DecodeSignature(provider, null), used);
                break;
            }

            case HandleKind.FieldDefinition:
            {
                var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                used.Add(OutermostName(reader, field.GetDeclaringType()));
                used.UnionWith(field.DecodeSignature(provider, null));
                break;
            }

            case HandleKind.MemberReference:
            {
                var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                AddEntity(reader, provider, member.Parent, used);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    AddSignature(member.DecodeMethodSignature(provider, null), used);
                }
                else
                {
                    used.UnionWith(member.DecodeFieldSignature(provider, null));
                }

                break;
            }

            case HandleKind.MethodSpecification:
            {
                var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddEntity(reader, provider, specification.Method, used);
                foreach (var argument in specification.DecodeSignature(provider, null))
                {
                    used.UnionWith(argument);
                }

                break;
            }

            case HandleKind.StandaloneSignature:
                AddSignature(reader.GetStandaloneSignature((StandaloneSignatureHandle)handle).DecodeMethodSignature(provider, null), used);
                break;
        }
    }

    /// <summary>The metadata tokens in a method body (operands of type, method, field, token and signature instructions).</summary>
    private static List<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            var code = (ILOpCode)il.ReadByte();
            if ((int)code == 0xFE)
            {
                code = (ILOpCode)(0xFE00 | il.ReadByte());
            }

            switch (OperandSize(code))
            {
                case -1: // switch: count, then targets
                    var count = il.ReadInt32();
                    il.Offset += 4 * count;
                    break;
                case -4: // a metadata token
                    tokens.Add(il.ReadInt32());
                    break;
                case var size:
                    il.Offset += size;
                    break;
            }
        }

        return tokens;
    }

    private static readonly Dictionary<short, System.Reflection.Emit.OperandType> OperandTypes =
        typeof(System.Reflection.Emit.OpCodes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (System.Reflection.Emit.OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>Operand bytes; −4 for a token, −1 for a switch table.</summary>
    private static int OperandSize(ILOpCode code) => OperandTypes[(short)code] switch
    {
        System.Reflection.Emit.OperandType.InlineNone => 0,
        System.Reflection.Emit.OperandType.ShortInlineBrTarget or System.Reflection.Emit.OperandType.ShortInlineI or System.Reflection.Emit.OperandType.ShortInlineVar => 1,
        System.Reflection.Emit.OperandType.InlineVar => 2,
        System.Reflection.Emit.OperandType.InlineBrTarget or System.Reflection.Emit.OperandType.InlineI or System.Reflection.Emit.OperandType.ShortInlineR or System.Reflection.Emit.OperandType.InlineString => 4,
        System.Reflection.Emit.OperandType.InlineI8 or System.Reflection.Emit.OperandType.InlineR => 8,
        System.Reflection.Emit.OperandType.InlineSwitch => -1,
        _ => -4, // InlineField, InlineMethod, InlineType, InlineTok, InlineSig
    };

    private static (string Namespace, string Name) OutermostName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }

        return (reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    private static (string Namespace, string Name) ReferenceName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        }

        return (reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    /// <summary>Decodes signatures into the set of (namespace, type) they name.</summary>
    private sealed class NameCollector(MetadataReader reader) : ISignatureTypeProvider<ImmutableHashSet<(string, string)>, object?>
    {
        private static readonly ImmutableHashSet<(string, string)> None = [];

        public ImmutableHashSet<(string, string)> GetArrayType(ImmutableHashSet<(string, string)> elementType, ArrayShape shape) => elementType;

        public ImmutableHashSet<(string, string)> GetByReferenceType(ImmutableHashSet<(string, string)> elementType) => elementType;

        public ImmutableHashSet<(string, string)> GetFunctionPointerType(MethodSignature<ImmutableHashSet<(string, string)>> signature) =>
            signature.ParameterTypes.Aggregate(signature.ReturnType, (all, p) => all.Union(p));

        public ImmutableHashSet<(string, string)> GetGenericInstantiation(ImmutableHashSet<(string, string)> genericType, ImmutableArray<ImmutableHashSet<(string, string)>> typeArguments) =>
            typeArguments.Aggregate(genericType, (all, a) => all.Union(a));

        public ImmutableHashSet<(string, string)> GetGenericMethodParameter(object? genericContext, int index) => None;

        public ImmutableHashSet<(string, string)> GetGenericTypeParameter(object? genericContext, int index) => None;

        public ImmutableHashSet<(string, string)> GetModifiedType(ImmutableHashSet<(string, string)> modifier, ImmutableHashSet<(string, string)> unmodifiedType, bool isRequired) => unmodifiedType.Union(modifier);

        public ImmutableHashSet<(string, string)> GetPinnedType(ImmutableHashSet<(string, string)> elementType) => elementType;

        public ImmutableHashSet<(string, string)> GetPointerType(ImmutableHashSet<(string, string)> elementType) => elementType;

        public ImmutableHashSet<(string, string)> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;

        public ImmutableHashSet<(string, string)> GetSZArrayType(ImmutableHashSet<(string, string)> elementType) => elementType;

        public ImmutableHashSet<(string, string)> GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind) => [OutermostName(reader, handle)];

        public ImmutableHashSet<(string, string)> GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => [ReferenceName(reader, handle)];

        public ImmutableHashSet<(string, string)> GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
