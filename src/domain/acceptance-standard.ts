// The built-in `standard` acceptance criteria set (GL-1), as the SEC Panel agreed it in January 2020.
//
// Transcribed word for word from Annex 1 'Standard SEC Release acceptance criteria' of Panel paper
// SECP_76_1701_23 (10 January 2020): 9 operational criteria reviewed by the Operations Group,
// 6 testing criteria reviewed by the TAG, 1 security criterion reviewed by the Security Sub-Committee.
// Ids are OP1..OP9, T1..T6, S1 (not TST-n, which would read as rule ids). The June 2020 RID v1.1
// words T2, T4 and T6 slightly differently; a release records such wording in `acceptance.criteria[].text`.

import type { AcceptanceSet } from './model.js';

export const STANDARD_ACCEPTANCE_SET_NAME = 'standard';

export const STANDARD_ACCEPTANCE_SET: Readonly<AcceptanceSet> = Object.freeze(
  [
    {
      id: 'OP1',
      body: 'operations',
      reviewer: 'Operations Group',
      text:
        'The DCC has brought to readiness all the new and changed components needed to provide the new services. ' +
        'This will include completing the service design and proving the service operations capability.',
    },
    {
      id: 'OP2',
      body: 'operations',
      reviewer: 'Operations Group',
      text: 'The DCC has demonstrated that all pre-existing services will be stable in the run-up to deployment of the release.',
    },
    {
      id: 'OP3',
      body: 'operations',
      reviewer: 'Operations Group',
      text: 'The DCC has proven that the new services can be operated alongside, and integrated with, the existing services.',
    },
    {
      id: 'OP4',
      body: 'operations',
      reviewer: 'Operations Group',
      text:
        'The DCC has assessed the risk posed by existing problems and defects in the existing live service, ' +
        'and the implications these will have for the revised service.',
    },
    {
      id: 'OP5',
      body: 'operations',
      reviewer: 'Operations Group',
      text: 'The DCC has demonstrated that lessons learnt from previous SEC Releases and other DCC changes have been taken on board.',
    },
    {
      id: 'OP6',
      body: 'operations',
      reviewer: 'Operations Group',
      text: 'The DCC has demonstrated there will be no detrimental impact on consumers’ experience.',
    },
    {
      id: 'OP7',
      body: 'operations',
      reviewer: 'Operations Group',
      text: 'The DCC has completed assurance of the Business Continuity and Disaster Recovery processes.',
    },
    {
      id: 'OP8',
      body: 'operations',
      reviewer: 'Operations Group',
      text: 'SECAS will be ready to implement the approved changes to the SEC on the agreed implementation date.',
    },
    {
      id: 'OP9',
      body: 'operations',
      reviewer: 'Operations Group',
      text: 'SECAS has brought to readiness all the new and changed components that it is responsible for that are needed ' + 'to support the new services.',
    },
    {
      id: 'T1',
      body: 'testing',
      reviewer: 'TAG',
      text:
        'The DCC has developed the coding for each approved change and confirmed it will be able to deploy this to the ' +
        'production environment on the agreed implementation date.',
    },
    {
      id: 'T2',
      body: 'testing',
      reviewer: 'TAG',
      text: 'The DCC has completed and closed each test phase against the agreed exit criteria specified in the Testing ' + 'Approach Document (TAD).',
    },
    {
      id: 'T3',
      body: 'testing',
      reviewer: 'TAG',
      text: 'The DCC has successfully completed regression testing.',
    },
    {
      id: 'T4',
      body: 'testing',
      reviewer: 'TAG',
      text: 'The DCC has confirmed that there are no Severity 1 or 2 defects outstanding that would be deployed to the ' + 'production environment.',
    },
    {
      id: 'T5',
      body: 'testing',
      reviewer: 'TAG',
      text:
        'The DCC has produced a clear resolution plan for any outstanding Severity 3, 4 or 5 defects and that the number ' +
        'of remaining testing issues is within the agreed threshold figures specified in the TAD.',
    },
    {
      id: 'T6',
      body: 'testing',
      reviewer: 'TAG',
      text:
        'The DCC has demonstrated that the Systems and User Integration Testing (SIT and UIT) test environments were ' +
        'aligned to the solution being deployed to the production environment; if there were any differences, these ' +
        'were identified and the risks these posed demonstrably managed.',
    },
    {
      id: 'S1',
      body: 'security',
      reviewer: 'SSC',
      text: 'The DCC has completed relevant security testing and obtained approval of the security architecture.',
    },
  ].map((criterion) => Object.freeze(criterion)),
);
