"""Writes ai-chain-ranged.json: graphs/ai-chain.json (v1, no ranges) with low = 0.7 x amount and high = 1.3 x amount
on its ten largest links (by amount, ties in file order). Run from this folder: python3 make_ai_chain_ranged.py"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parents[4]
network = json.loads((root / "graphs" / "ai-chain.json").read_text(encoding="utf-8"))
largest = sorted(range(len(network["links"])), key=lambda i: (-network["links"][i]["amount"], i))[:10]
for i in largest:
    link = network["links"][i]
    ranged = {}
    for key, value in link.items():
        ranged[key] = value
        if key == "amount":
            ranged["low"] = round(0.7 * value, 9)
            ranged["high"] = round(1.3 * value, 9)
    network["links"][i] = ranged
network["title"] += " - with +/-30 % ranges on its ten largest links (test copy)"
pathlib.Path("ai-chain-ranged.json").write_text(json.dumps(network, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
