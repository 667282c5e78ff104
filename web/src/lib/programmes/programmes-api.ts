import type {
  AddParticipantInput,
  CreateProgrammeInput,
  ParticipantDto,
  ParticipantListDto,
  ProgrammeDto,
  ProgrammeListDto,
  ProgrammeOverviewDto,
  UpdateProgrammeInput,
} from '$api';
import { api, type Fetch } from '$lib/api';

export function listProgrammes(fetch?: Fetch): Promise<ProgrammeListDto> {
  return api('GET /programmes', { query: { limit: 200 }, fetch });
}

export function getProgramme(id: string, fetch?: Fetch): Promise<ProgrammeDto> {
  return api('GET /programmes/:id', { params: { id }, fetch });
}

export function getOverview(id: string, fetch?: Fetch): Promise<ProgrammeOverviewDto> {
  return api('GET /programmes/:id/overview', { params: { id }, fetch });
}

export function createProgramme(input: CreateProgrammeInput): Promise<ProgrammeDto> {
  return api('POST /programmes', { body: input });
}

export function updateProgramme(id: string, input: UpdateProgrammeInput): Promise<ProgrammeDto> {
  return api('PATCH /programmes/:id', { params: { id }, body: input });
}

export function deleteProgramme(id: string, version: number): Promise<void> {
  return api('DELETE /programmes/:id', { params: { id }, query: { version } });
}

export function listParticipants(id: string, fetch?: Fetch): Promise<ParticipantListDto> {
  return api('GET /programmes/:id/participants', { params: { id }, fetch });
}

export function addParticipant(id: string, input: AddParticipantInput): Promise<ParticipantDto> {
  return api('POST /programmes/:id/participants', { params: { id }, body: input });
}

export function removeParticipant(id: string, contactId: string, role: AddParticipantInput['role']): Promise<void> {
  return api('DELETE /programmes/:id/participants/:contactId/:role', { params: { id, contactId, role } });
}
