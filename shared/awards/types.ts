/**
 * Award proposals: the campaign's gates, award types with quotas and caps, runners-up,
 * individual nominations and ballots. The types live in the model (model/awardTypes.ts), which
 * a campaign spec is made of; awards/ reads them from here.
 */
export type {
  UnitProfile,
  GateSpec,
  AwardTypeSpec,
  CouncilChoice,
  AwardsSpec,
  NominatorKind,
  NominationSpec,
  VoteSpec,
  BallotSpec,
} from '../model/awardTypes';
