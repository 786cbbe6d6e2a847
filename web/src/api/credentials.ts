import type { CertificateList, CertificateVerification } from '../../../common/contracts/credentials.js';
import { api } from './client.js';

export type { CertificateList, CertificateVerification };

const enc = encodeURIComponent;

export const listMyCertificates = (page = 1) => api.get<CertificateList>('/api/me/certificates', { page });
export const certificatePdfUrl = (id: string) => `/api/certificates/${enc(id)}/pdf`;
export const verifyCertificate = (number: string) => api.get<CertificateVerification>(`/api/certificate-verifications/${enc(number)}`);
