"""Iterated distillation and amplification, with AlphaGo Zero as the worked case.

Ratings are Elo points; the expected score is the win probability counting draws as half.
"""

from __future__ import annotations

import numpy as np

ELO_SCALE = 400.0


def elo_expected_score(rating, opponent_rating):
    """Expected score of ``rating`` against ``opponent_rating`` [probability, 0--1].

    ``E = 1 / (1 + 10 ** ((R_opp - R) / 400))``.
    """
    diff = np.asarray(opponent_rating, dtype=float) - rating
    return 1.0 / (1.0 + 10.0 ** (diff / ELO_SCALE))


def amplification_iterations(total_games, games_per_iteration):
    """Number of amplify-then-distill iterations [iterations].

    AlphaGo Zero generated ``games_per_iteration`` self-play games with the current network
    plus search before each distillation step, so ``total_games / games_per_iteration``.
    """
    return np.asarray(total_games, dtype=float) / games_per_iteration


def search_gain(amplified_rating, raw_rating):
    """Elo added by amplification (search) over the raw distilled network [Elo]."""
    return np.asarray(amplified_rating, dtype=float) - raw_rating


def sweep_probability(score, games):
    """Probability of winning all ``games`` independent games at expected ``score`` [prob]."""
    return np.asarray(score, dtype=float) ** games
