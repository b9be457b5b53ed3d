#!/usr/bin/python3
"""Reads a GraphML file AiContagion wrote with NetworkX and writes it back with NetworkX's own writer.

    /usr/bin/python3 tests/peers/graphml_networkx.py IN.graphml OUT.graphml

Used to make tests/AiContagion.Tests/Data/Peers/ai-chain.networkx.graphml (NetworkX 2.8.8, Debian's
python3-networkx), from `aicontagion convert graphs/ai-chain.json ai-chain.graphml`:

    dotnet run --project src/AiContagion.Cli -- convert graphs/ai-chain.json /tmp/ai-chain.graphml
    /usr/bin/python3 tests/peers/graphml_networkx.py /tmp/ai-chain.graphml tests/AiContagion.Tests/Data/Peers/ai-chain.networkx.graphml

GraphMlInteropTests reads the result and checks it is the AI chain again: NetworkX opens what we write (as a
MultiDiGraph: parallel links survive), and we read what NetworkX writes (its key ids, attribute types, edge order).
"""
import sys

import networkx as nx

source, target = sys.argv[1], sys.argv[2]
graph = nx.read_graphml(source)
assert isinstance(graph, nx.MultiDiGraph) or isinstance(graph, nx.DiGraph), type(graph)
print(f"networkx {nx.__version__}: {type(graph).__name__}, {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
nx.write_graphml(graph, target)
